"""A notebook refuses a parameter it does not have, and a value it does not know, with a hint."""

from __future__ import annotations

import os
import subprocess
import sys
import types

import nbformat
import papermill
import pytest

from odsamen.analysis.parameters import (
    NOTEBOOK_PARAMETERS,
    ParameterError,
    check_parameters,
    did_you_mean,
)
from odsamen.analysis.shared import NOTEBOOKS, REPOSITORY
from odsamen.catalogue import text
from odsamen.report.briefing import Briefing

BRIEFING_DEFAULTS = {"service": "NHN", "lang": "nl", "data_dir": "../data", "unknown": "neutral"}


def kernel(**names) -> dict:
    """A notebook's globals right after its parameters: IPython's own names, then the parameters."""
    return {"In": [""], "Out": {}, "_": "", "_i1": "", "get_ipython": print} | names


@pytest.mark.parametrize("notebook", sorted(NOTEBOOK_PARAMETERS))
def test_the_parameters_listed_are_the_notebooks_own(notebook):
    found = papermill.inspect_notebook(str(NOTEBOOKS / f"{notebook}.ipynb"))
    assert tuple(found) == NOTEBOOK_PARAMETERS[notebook]


@pytest.mark.parametrize("notebook", sorted(NOTEBOOK_PARAMETERS))
def test_the_cell_after_the_parameters_checks_them_first(notebook):
    cells = [cell for cell in nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4).cells]
    code = [cell for cell in cells if cell.cell_type == "code"]
    first = next(k for k, cell in enumerate(code) if "parameters" in cell.metadata.get("tags", []))
    after = code[first + 1].source.splitlines()
    assert after[0] == "from odsamen.analysis.parameters import check_parameters"
    assert after[2].startswith(f'check_parameters(globals(), "{notebook}")')


def test_a_mistyped_name_is_refused_with_the_nearest_parameter():
    names = kernel(**BRIEFING_DEFAULTS, advisor="include", servce="IJmond")
    with pytest.raises(ParameterError) as error:
        check_parameters(names, "briefing")
    assert str(error.value) == (
        "'servce' is geen parameter van notebook briefing; de parameters zijn 'service', 'lang', "
        "'data_dir', 'unknown' en 'advisor'. Bedoelde u 'service'?"
    )


def test_an_unknown_name_without_a_near_one_is_refused_in_english_under_lang_en():
    names = kernel(data_dir="../data", lang="en", unknown="neutral", out_dir="", colour="red")
    with pytest.raises(
        ParameterError, match="^'colour' is not a parameter of notebook 01-explore; its"
    ) as error:
        check_parameters(names, "01-explore")
    assert "Did you mean" not in str(error.value)


def test_every_problem_is_named_at_once():
    names = kernel(**BRIEFING_DEFAULTS | {"unknown": "Neutral"}, advisor="exclud", colour="red")
    with pytest.raises(ParameterError) as error:
        check_parameters(names, "briefing")
    lines = str(error.value).splitlines()
    assert lines[0].startswith("'colour' is geen parameter")
    assert (
        lines[1]
        == "Parameter unknown kan niet 'Neutral' zijn; kies 'neutral' of 'missing'. Bedoelde u 'neutral'?"
    )
    assert lines[2].startswith("Parameter advisor kan niet 'exclud' zijn") and lines[2].endswith("'exclude'?")


def test_an_unknown_language_is_named_in_dutch():
    with pytest.raises(
        ParameterError, match="Parameter lang kan niet 'EN' zijn; kies 'nl' of 'en'. Bedoelde u 'en'"
    ):
        check_parameters(kernel(**BRIEFING_DEFAULTS | {"lang": "EN"}, advisor="include"), "briefing")


def test_modules_and_functions_are_not_taken_for_parameters():
    names = kernel(**BRIEFING_DEFAULTS, advisor="include", np=types.ModuleType("np"), helper=len)
    check_parameters(names, "briefing")


def test_names_made_by_later_cells_are_not_checked_again():
    """In JupyterLab the cell may run again after the notebook made names of its own."""
    names = kernel(**BRIEFING_DEFAULTS, advisor="include")
    check_parameters(names, "briefing")
    names["n_items"] = 17
    check_parameters(names, "briefing")
    names["advisor"] = "neither"  # values are checked every time
    with pytest.raises(ParameterError, match="advisor"):
        check_parameters(names, "briefing")


def test_did_you_mean_ignores_case_and_finds_close_spellings():
    codes = ["NHN", "IJmond", "NZKG", "OFGV"]
    assert did_you_mean("ijmond", codes) == " Bedoelde u 'IJmond'?"
    assert did_you_mean("NZGK", codes, "en") == " Did you mean 'NZKG'?"
    assert did_you_mean("Rijnmond", ["NHN", "OFGV"]) == ""


def test_an_unknown_service_names_the_services_and_the_nearest():
    with pytest.raises(ValueError) as error:
        Briefing.open(REPOSITORY / "data", "ijmond", lang="en")
    assert str(error.value) == (
        text("parameters.unknown_service", "en", service="ijmond", services="NHN, IJmond, NZKG, and OFGV")
        + " Did you mean 'IJmond'?"
    )


def papermill_run(tmp_path, *parameters: str) -> subprocess.CompletedProcess:
    """``papermill notebooks/briefing.ipynb out.ipynb -p ...`` from the repository root."""
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPOSITORY / "lib"), os.environ.get("PYTHONPATH")]))
    }
    command = [sys.executable, "-m", "papermill", "notebooks/briefing.ipynb", str(tmp_path / "out.ipynb")]
    return subprocess.run(command + list(parameters), cwd=REPOSITORY, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_papermill_with_a_mistyped_parameter_exits_non_zero_with_the_hint(tmp_path):
    run = papermill_run(tmp_path, "-p", "servce", "IJmond")
    assert run.returncode != 0
    assert "'servce' is geen parameter van notebook briefing" in run.stderr
    assert "Bedoelde u 'service'?" in run.stderr


@pytest.mark.slow
def test_papermill_with_a_service_in_other_letters_exits_non_zero_with_the_hint(tmp_path):
    run = papermill_run(tmp_path, "-p", "service", "ijmond", "-p", "lang", "en")
    assert run.returncode != 0
    assert "Service 'ijmond' is not in the data" in run.stderr and "Did you mean 'IJmond'?" in run.stderr
