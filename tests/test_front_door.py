"""The library's front door: ``import odsamen`` gives the first names an analyst needs, the README's
example runs, and the docstrings name the columns their tables have."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

import odsamen
from odsamen.analysis import affinity, clustering, coalitions, evidence
from odsamen.report import facts
from odsamen.report.plots import coalitions as coalition_plots
from odsamen.report.plots import network

REPOSITORY = Path(__file__).resolve().parents[1]


def test_import_odsamen_is_quick_and_loads_nothing_heavy():
    code = "import sys, odsamen; print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


@pytest.mark.parametrize("name", sorted(odsamen.FRONT_DOOR))
def test_every_name_of_the_front_door_is_the_modules_own(name):
    module = __import__(odsamen.FRONT_DOOR[name], fromlist=[name])
    assert getattr(odsamen, name) is getattr(module, name)
    assert name in dir(odsamen)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'load_data'"):
        odsamen.load_data  # noqa: B018


def test_the_readme_example_runs(tmp_path, monkeypatch, capsys):
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    example = re.search(r"## Use the library\n.*?```python\n(.*?)```", readme, re.S)
    assert example, "README.md has no section 'Use the library' with a Python example"
    (tmp_path / "data").symlink_to(REPOSITORY / "data", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    exec(compile(example.group(1), "README.md", "exec"), {})
    plt.close("all")
    said = capsys.readouterr().out
    assert "136 scores" in said and "No clear best partner" in said
    assert re.search(r"NHN\s+IJmond\s+11\.0\s+14\s+0\.78", said)  # the top pair of the joint agenda
    assert (tmp_path / "task_added_value.png").stat().st_size > 10_000


DOCUMENTED = {
    "affinity.pair_affinity": lambda data: affinity.pair_affinity(data),
    "affinity.best_partners": lambda data: affinity.best_partners(data, "NHN"),
    "affinity.sensitivity_values": lambda data: affinity.sensitivity_values(data),
    "affinity.sensitivity": lambda data: affinity.sensitivity(data),
    "affinity.service_profile": lambda data: affinity.service_profile(data),
    "clustering.merge_steps": lambda data: clustering.merge_steps(
        clustering.service_linkage(affinity.lens_share(data, "joint_agenda")), data.service_codes
    ),
    "coalitions.coalition_items": lambda data: coalitions.coalition_items(data),
    "evidence.supply": lambda data: evidence.supply(data),
    "evidence.advice_comparison": lambda data: evidence.advice_comparison(data),
    "facts.score_table": lambda data: facts.score_table(data),
    "facts.standing": lambda data: facts.standing(data, "NHN", "task"),
    "facts.needs": lambda data: facts.needs(data, "NHN"),
    "facts.offers": lambda data: facts.offers(data, "NZKG"),
    "facts.preference_table": lambda data: facts.preference_table(data),
    "facts.preference_matches": lambda data: facts.preference_matches(data, "NHN"),
    "coalition_plots.coalition_cells": lambda data: coalition_plots.coalition_cells(data),
    "network.network_edges": lambda data: network.network_edges(affinity.lens_share(data, "joint_agenda")),
}
"""Every function whose docstring names the columns of the table it returns, with a call."""

MODULES = {
    "affinity": affinity,
    "clustering": clustering,
    "coalitions": coalitions,
    "evidence": evidence,
    "facts": facts,
    "coalition_plots": coalition_plots,
    "network": network,
}


def documented_columns(function) -> tuple[list[str], bool]:
    """The columns a docstring names after ``Columns``, and whether it names them all (a
    ``:data:`` list or one ``a, b, c`` run) or only some of them (``a``, ``b`` followed by more)."""
    doc = " ".join(function.__doc__.split())
    found = re.search(r"Columns :data:`(\w+)`", doc)
    if found:
        return list(getattr(sys.modules[function.__module__], found.group(1))), True
    found = re.search(r"Columns ((?:``[^`]+``(?:, | and |,? )?)+)", doc)
    assert found, f"{function.__qualname__}: no column list after 'Columns'"
    parts = re.findall(r"``([^`]+)``", found.group(1))
    names = [name.strip() for part in parts for name in part.split(",") if name.strip()]
    return names, len(parts) == 1


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_the_docstring_names_the_columns_of_the_table(dataset, name):
    module, function = name.split(".")
    documented, complete = documented_columns(getattr(MODULES[module], function))
    columns = list(DOCUMENTED[name](dataset).columns)
    if complete:
        assert documented == columns
    else:
        assert [column for column in columns if column in documented] == documented, columns
