"""The synthetic data generator: valid, deterministic, plausible, marked, and careful where it writes."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from odsamen.analysis.data import (
    ADVICE_COLUMNS,
    ASSESSMENT_FACTS,
    FILES,
    SYMBOLS,
    SYNTHETIC_MARKER,
    load_dataset,
)
from odsamen.analysis.synth import (
    MADE_BY_FACTS,
    README_FILE,
    SynthError,
    draw_levels,
    estimate_profile,
    service_codes,
    write_synthetic,
)
from odsamen.catalogue import text
from odsamen.cli import main
from odsamen.publish.export import source_line

DATA = Path(__file__).resolve().parents[1] / "data"
WRITTEN = (
    "services.csv",
    "scores.csv",
    "scale_preferences.csv",
    "items.csv",
    "scale_levels.csv",
    "scenarios.csv",
    "advice.csv",
    "assessment.csv",
    SYNTHETIC_MARKER,
    README_FILE,
)


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def synth28(tmp_path_factory) -> Path:
    """A synthetic folder of 28 services with the default seed."""
    out = tmp_path_factory.mktemp("synth") / "s28"
    write_synthetic(28, out, codebook=DATA)
    return out


def read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / FILES[name], dtype=str, keep_default_na=False)


# --- validity and determinism ---------------------------------------------------


@pytest.mark.parametrize("n", [2, 4, 28])
def test_output_validates_with_all_services(tmp_path, n):
    data = write_synthetic(n, tmp_path / "out", codebook=DATA)
    assert data.synthetic
    assert data.service_codes == service_codes(n)
    assert len(data.scores) == n * 17 * 2
    assert len(data.scenarios) == 5 and data.advice.empty
    assert main(["validate", "--data", str(tmp_path / "out")]) == 0


def test_same_seed_gives_identical_bytes(tmp_path):
    write_synthetic(28, tmp_path / "a", seed=7, codebook=DATA)
    write_synthetic(28, tmp_path / "b", seed=7, codebook=DATA)
    for name in WRITTEN:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_other_seed_gives_other_scores(tmp_path):
    write_synthetic(28, tmp_path / "a", seed=7, codebook=DATA)
    write_synthetic(28, tmp_path / "b", seed=8, codebook=DATA)
    assert (tmp_path / "a" / "scores.csv").read_bytes() != (tmp_path / "b" / "scores.csv").read_bytes()


def test_codebook_is_copied_unchanged(synth28):
    for name in ("items.csv", "scale_levels.csv", "scenarios.csv"):
        assert (synth28 / name).read_bytes() == (DATA / name).read_bytes()


def test_the_facts_say_the_data_are_made_up_after_the_real_source(synth28):
    real, made = load_dataset(DATA), load_dataset(synth28)
    for lang in ("nl", "en"):
        authors = real.fact("authors", lang)
        assert made.fact("authors", lang) == text("synth.fact.authors", lang, source=authors)
        assert real.fact("title", lang) in made.fact("title", lang) != real.fact("title", lang)
        assert made.fact("scored_by", lang) == text("synth.fact.scored_by", lang)
    for name in set(ASSESSMENT_FACTS) - set(MADE_BY_FACTS):  # the date, the tables and their pages
        assert made.fact(name, "nl") == real.fact(name, "nl"), name
        assert made.fact(name, "en") == real.fact(name, "en"), name
    # the footer of a synthetic pack no longer calls the data a self-assessment by the directors
    footer = source_line(made.assessment, "nl")
    assert footer.startswith("bron: zelfbeoordeling door verzonnen diensten (synthetisch); odsamen synth")
    assert "directeuren" not in footer


def test_advice_has_only_its_header(synth28):
    # the report's advice names the real services, which synthetic data do not have
    assert (synth28 / "advice.csv").read_text(encoding="utf-8") == ",".join(ADVICE_COLUMNS) + "\n"
    readme = (synth28 / README_FILE).read_text(encoding="utf-8")
    assert "`advice.csv` heeft alleen een kopregel" in readme and "`advice.csv` holds only a header" in readme


def test_writes_every_data_file(synth28):
    assert set(FILES.values()) <= {p.name for p in synth28.iterdir()}
    assert {p.name for p in synth28.iterdir()} == set(WRITTEN)


def test_real_data_untouched(tmp_path):
    before = {p.name: p.read_bytes() for p in DATA.iterdir()}
    write_synthetic(4, tmp_path / "out", codebook=DATA)
    assert {p.name: p.read_bytes() for p in DATA.iterdir()} == before


# --- plausible distributions ----------------------------------------------------


def test_every_symbol_appears_at_28_services(synth28):
    scores = read(synth28, "scores")
    assert set(scores["score"]) == set(SYMBOLS)


def test_symbol_frequencies_follow_the_real_data(synth28, real):
    synthetic = read(synth28, "scores")
    real_scores = real.scores.astype(str)
    for (dimension, measure), group in synthetic.groupby(["dimension", "measure"]):
        real_group = real_scores[
            (real_scores["dimension"] == dimension) & (real_scores["measure"] == measure)
        ]
        shares = group["score"].value_counts(normalize=True).reindex(list(SYMBOLS), fill_value=0)
        real_shares = real_group["score"].value_counts(normalize=True).reindex(list(SYMBOLS), fill_value=0)
        # total variation distance: the share of cells that would have to change symbol
        distance = (shares - real_shares).abs().sum() / 2
        assert distance < 0.2, (dimension, measure, distance)
    # the real task added-value scores are never negative; nearly all synthetic ones are not either
    task_added = synthetic[(synthetic["dimension"] == "task") & (synthetic["measure"] == "added_value")]
    assert task_added["score"].isin(["-", "--"]).mean() < 0.05


def test_profile_estimates_real_frequencies(real):
    profile = estimate_profile(real, smoothing=0.0)
    weights = dict(zip(SYMBOLS, profile.symbol_weights[("task", "added_value")], strict=True))
    assert weights["--"] == 0.0 and weights["-"] == 0.0
    assert weights["+"] == pytest.approx(25 / 44)
    assert profile.count_weights.sum() == pytest.approx(1.0)
    smoothed = estimate_profile(real)
    assert (smoothed.symbol_weights[("task", "added_value")] > 0).all()


def test_drawn_levels_have_one_to_three_distinct_letters_in_varied_order(real):
    profile = estimate_profile(real)
    rng = np.random.default_rng(1)
    cells = [draw_levels(profile, "task", rng) for _ in range(400)]
    letters = [cell.split("/") for cell in cells]
    assert {len(cell) for cell in letters} == {1, 2, 3}
    assert all(len(set(cell)) == len(cell) for cell in letters)
    assert any(cell != sorted(cell) for cell in letters)
    assert any(len(cell) > 1 and cell == sorted(cell) for cell in letters)


def test_preferences_have_the_real_irregularities(synth28):
    prefs = read(synth28, "preferences")
    assert (prefs["levels"] == "?").any()
    assert (prefs["levels"].str.count("/") == 2).any()
    empty = prefs[prefs["levels"] == ""]
    assert len(empty) > 0 and (empty["note"] != "").all()
    split = prefs[prefs["aspect"] != ""]
    assert set(split["item"]) == {"bi_en_opleiding"}
    assert set(split["aspect"]) == {"opleiding", "bi"}
    assert (split.groupby("service").size() == 2).all()


def test_some_services_have_advisor_task_scores(synth28):
    scores = read(synth28, "scores")
    advisor = scores[scores["source"] == "advisor"]
    assert 0 < advisor["service"].nunique() < 28
    assert set(advisor["dimension"]) == {"task"}
    per_service = scores[scores["service"].isin(advisor["service"]) & (scores["dimension"] == "task")]
    assert (per_service["source"] == "advisor").all()


# --- marked synthetic -----------------------------------------------------------


def test_every_output_is_marked_synthetic(synth28):
    assert (synth28 / SYNTHETIC_MARKER).read_text(encoding="utf-8").startswith("SYNTHETISCH")
    readme = (synth28 / README_FILE).read_text(encoding="utf-8")
    assert "Synthetische gegevens" in readme and "Synthetic data" in readme
    services = read(synth28, "services")
    assert services["code"].str.fullmatch(r"SYN\d\d").all()
    assert services["name_nl"].str.contains("(synthetisch)", regex=False).all()
    assert services["name_en"].str.contains("(synthetic)", regex=False).all()
    assert services["region"].str.contains("(synthetisch)", regex=False).all()
    assert services["context_nl"].str.contains("(synthetisch)", regex=False).all()
    assert services["context_en"].str.contains("(synthetic)", regex=False).all()
    assert services["context_nl"].str.contains("verzonnen").all()
    assert services["context_en"].str.contains("made up").all()
    notes = read(synth28, "preferences")["note"]
    assert notes[notes != ""].str.contains("synthetisch").all()


def test_synthetic_contexts_validate_and_point_to_the_real_page(tmp_path, real):
    data = write_synthetic(3, tmp_path / "out", codebook=DATA)
    for code in data.service_codes:
        assert "synthetic" in data.service_context(code, "en")
        assert "synthetisch" in data.service_context(code, "nl")
        assert data.context_page(code) == real.context_page("NHN") == 7
    assert "does not exist" in data.service_context("SYN02", "en") and "02" in data.service_context(
        "SYN02", "en"
    )
    # the criteria and tasks are the real ones, so their definitions are copied, not made up
    assert data.item_definition("omvang", "nl") == real.item_definition("omvang", "nl")
    assert data.definition_page("zzs") == 8


def test_synthetic_folder_without_contexts_is_refused(tmp_path):
    # a synthetic folder written before contexts existed must be written again
    out = tmp_path / "old"
    write_synthetic(2, out, codebook=DATA)
    services = read(out, "services").drop(columns=["context_nl", "context_en", "context_page"])
    services.to_csv(out / FILES["services"], index=False)
    assert main(["validate", "--data", str(out)]) == 2


def test_services_share_regions(synth28):
    regions = read(synth28, "services")["region"]
    assert 1 < regions.nunique() < len(regions)


# --- where it writes ------------------------------------------------------------


def test_refuses_the_real_data_folder_even_with_force(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    with pytest.raises(SynthError, match="echte gegevens"):
        write_synthetic(4, copy, codebook=copy, force=True)
    with pytest.raises(SynthError, match="echte gegevens"):
        write_synthetic(4, copy / "sub", codebook=copy, force=True)
    # another folder that holds unmarked data is real data too
    with pytest.raises(SynthError, match="echte gegevens"):
        write_synthetic(4, copy, codebook=DATA, force=True)


def test_refuses_a_non_empty_folder_unless_forced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SynthError, match="niet leeg"):
        write_synthetic(4, out, codebook=DATA)
    write_synthetic(4, out, codebook=DATA, force=True)
    assert load_dataset(out).synthetic
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_overwrites_synthetic_data_with_force(tmp_path):
    out = tmp_path / "out"
    write_synthetic(28, out, codebook=DATA)
    write_synthetic(3, out, codebook=DATA, force=True)
    assert load_dataset(out).service_codes == service_codes(3)


@pytest.mark.parametrize("n", [-1, 0, 1, 100])
def test_refuses_sizes_out_of_range(tmp_path, n):
    with pytest.raises(SynthError, match="2 tot en met 99"):
        write_synthetic(n, tmp_path / "out", codebook=DATA)
    assert not (tmp_path / "out").exists()


# --- command line ---------------------------------------------------------------


def test_cli_writes_a_valid_folder(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["synth", "--services", "5", "--out", str(out), "--codebook", str(DATA), "--seed", "3"]) == 0
    assert str(out) in capsys.readouterr().out
    assert load_dataset(out).service_codes == service_codes(5)


def test_cli_default_seed_is_fixed(tmp_path):
    for name in ("a", "b"):
        assert main(["synth", "--services", "4", "--out", str(tmp_path / name), "--codebook", str(DATA)]) == 0
    assert (tmp_path / "a" / "scores.csv").read_bytes() == (tmp_path / "b" / "scores.csv").read_bytes()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--services", "1"], "choose 2 to 99"),
        (["--services", "100"], "choose 2 to 99"),
        (["--services", "many"], "invalid int value"),
        ([], "required"),
    ],
)
def test_cli_bad_arguments_exit_2(tmp_path, capsys, args, message):
    argv = ["synth", "--out", str(tmp_path / "out"), "--codebook", str(DATA), "--lang", "en", *args]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli_refuses_real_data_with_exit_2(tmp_path, capsys):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    before = (copy / "scores.csv").read_bytes()
    assert main(["synth", "--services", "4", "--out", str(copy), "--codebook", str(copy), "--force"]) == 2
    assert "echte gegevens" in capsys.readouterr().err
    assert (copy / "scores.csv").read_bytes() == before


def test_cli_invalid_codebook_exits_2(tmp_path, capsys):
    codebook = tmp_path / "codebook"
    shutil.copytree(DATA, codebook)
    (codebook / "scores.csv").write_text("nonsense\n", encoding="utf-8")
    assert (
        main(["synth", "--services", "4", "--out", str(tmp_path / "out"), "--codebook", str(codebook)]) == 2
    )
    assert "fout" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# --- the benchmark harness (benchmarks/bench.py) ----------------------------------


@pytest.fixture(scope="module")
def bench():
    """The benchmark script, imported as a module."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"
    spec = importlib.util.spec_from_file_location("odsamen_bench", path)
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is made
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads /proc")
def test_bench_memory_sums_the_whole_process_tree(bench, tmp_path):
    # a parent that starts a child holding 200 MiB: the child's memory must be counted
    child = "import time; block = bytearray(200 * 2**20); time.sleep(1.5)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    run = bench.run_timed([sys.executable, "-c", parent], tmp_path / "log", watch_memory=True)
    assert run.memory.peak_processes >= 2
    assert run.memory.peak_rss > 200 * 2**20
    assert 0 < run.memory.peak_pss <= run.memory.peak_rss
    assert run.seconds >= 1.5
    assert run.other_cpu is not None and run.other_cpu >= 0


def test_bench_failed_command_names_the_log(bench, tmp_path):
    with pytest.raises(bench.BenchError, match="exit code 3"):
        bench.run_timed([sys.executable, "-c", "print('boom'); raise SystemExit(3)"], tmp_path / "log")
    assert "boom" in (tmp_path / "log").read_text()


def test_bench_says_clearly_when_briefings_is_missing(bench, tmp_path, monkeypatch):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "odsamen").write_text("#!/bin/sh\necho \"invalid choice: 'briefings'\" >&2\nexit 2\n")
    (fake / "odsamen").chmod(0o755)
    monkeypatch.setattr(bench, "BIN", fake)
    with pytest.raises(bench.BenchError, match="`odsamen briefings` is not available"):
        bench.check_tools(need_pack=True, need_baseline=False, notebook=tmp_path / "none.ipynb")
    assert bench.main(["--skip-baseline", "--results", str(tmp_path / "r.md")]) == 2
    assert not (tmp_path / "r.md").exists()


def test_bench_baseline_is_a_serial_papermill_nbconvert_loop(bench):
    script = bench.baseline_script(["A1", "B2"], Path("/d"), Path("/o"), Path("/n/briefing.ipynb"))
    lines = script.splitlines()
    assert lines[1] == "for code in A1 B2; do"
    assert lines[2].endswith('/n/briefing.ipynb /o/"$code".ipynb -p service "$code" -p data_dir /d')
    assert "papermill" in lines[2]
    assert lines[3].endswith('nbconvert --to html --no-input /o/"$code".ipynb')


def test_bench_ratio_and_marginal_cost(bench):
    small = bench.SizeResult(4, Path("data"), ["a"] * 4)
    large = bench.SizeResult(28, Path("synth"), ["b"] * 28)
    small.pack, small.same, small.baseline = (
        [bench.Run(10.0), bench.Run(12.0), bench.Run(11.0)],
        [bench.Run(44.0)],
        [bench.Run(40.0)],
    )
    large.pack, large.same, large.baseline = [bench.Run(34.0)], [bench.Run(340.0)], [bench.Run(280.0)]
    small.pack[0].cpu, large.pack[0].cpu = 12.0, 28 * 3.6  # 3.0 and 3.6 CPU seconds per briefing
    assert bench.median_seconds(small.pack) == 11.0
    assert bench.speedup(large) == pytest.approx(340 / 34)  # against the same-output loop by default
    assert bench.speedup(large, "baseline") == pytest.approx(280 / 34)
    costs = bench.marginal_costs([small, large])
    assert costs["pack"] == pytest.approx((34 - 11) / 24)
    assert costs["same"] == pytest.approx((340 - 44) / 24)
    assert costs["baseline"] == pytest.approx((280 - 40) / 24)
    report = bench.results_markdown([small, large], ["--sizes", "4", "28"], 3)
    assert "| 28 | same-output loop (HTML + PDF) | 340.0 s | 10.00× |" in report
    assert "| 28 | HTML-only loop | 280.0 s | 8.24× |" in report
    assert "28 services: at least 2.5×, measured 10.00× (met)" in report
    assert "CPU per briefing at 28 / at 4 services: at most 1.25×, measured 1.20× (met)" in report
    assert f"cores: {os.cpu_count()}" in report
    assert "| 28 |" not in "\n".join(bench.memory_lines([small, large]))  # no build watched
    # memory comes from the one untimed build whose process tree was sampled
    peaks = bench.TreeMemory(1, peak_rss=900 * 2**20, peak_pss=600 * 2**20, peak_processes=9)
    large.memory = bench.Run(37.5, memory=peaks)
    assert "| 28 | 900 MiB | 600 MiB | 9 | 37.5 s |" in bench.memory_lines([small, large])
    assert bench.speedup(large) == pytest.approx(340 / 34)  # the watched build is not a timed one
    large.baseline[0].other_cpu = 280.0 * os.cpu_count() / 4
    assert "HTML-only loop 25%" in bench.disturbance_lines([small, large])[0]


def test_bench_reads_step_timings_from_pack_logs(bench, tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "A.log").write_text(
        "service: A\nseconds: execute 1.50, html 0.25, pdf 1.00\ncpu: worker 0.70, kernel 1.45\n"
    )
    (tmp_path / "logs" / "B.log").write_text("result: FAILED\nseconds: execute 0.50\ncpu: worker 0.30\n")
    assert bench.pack_timings(tmp_path) == {"execute": 2.0, "html": 0.25, "pdf": 1.0}
    assert bench.pack_timings(tmp_path, bench.CPU_LINE) == {"worker": 1.0, "kernel": 1.45}
    assert bench.pack_timings(tmp_path / "logs") == {}


def test_bench_empties_only_its_work_folder(bench, tmp_path):
    with pytest.raises(bench.BenchError, match="refusing"):
        bench.fresh(tmp_path)


def test_bench_profile_splits_imports_from_work(bench):
    source = "from IPython.display import HTML\n\nimport os, sys\nbrief = open_it(os.sep)\n"
    assert bench.top_level_imports(source) == "from IPython.display import HTML\nimport os, sys"
    assert bench.top_level_imports("%matplotlib inline\nimport os") == ""
    assert bench.top_level_imports("x = 1") == ""


def test_bench_passes_jobs_to_our_build(bench):
    command = bench.pack_command(Path("/d"), Path("/o"), 3)
    assert command[1:] == ["briefings", "--data", "/d", "--out", "/o", "--jobs", "3"]
    assert bench.pack_command(Path("/d"), Path("/o"), None)[-2:] == ["--out", "/o"]
