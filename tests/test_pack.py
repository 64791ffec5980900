"""The board pack: a real build into a temporary folder, checked as a reader and an auditor would."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest
from pack_builds import real_pack

from odsamen.analysis import affinity, shared
from odsamen.analysis.scoring import READINGS
from odsamen.catalogue import text
from odsamen.publish import folders, pack, runner
from odsamen.report import briefing, style
from odsamen.report.briefing import Briefing

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SERVICES = ("NHN", "IJmond", "NZKG", "OFGV")
SECTIONS = (
    "summary",
    "context",
    "standing",
    "cooperation",
    "preferences",
    "partners",
    "forms",
    "caveats",
    "appendix",
)
SCRIPT = "<script>alert('odsamen')</script>"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The board pack of the real data, built once per test session."""
    return real_pack(tmp_path_factory)


@pytest.fixture(scope="session")
def html_pages(built):
    return {code: (built.out / "briefings" / f"{code}.html").read_text(encoding="utf-8") for code in SERVICES}


def names(folder: Path) -> list[str]:
    """The names in ``folder``, sorted, less the lock files that builds leave next to their pack
    (``.reports.lock``: see :func:`folders.lock_path`)."""
    return sorted(p.name for p in folder.iterdir() if not re.fullmatch(r"\..+\.lock", p.name))


def copy_data(target: Path) -> Path:
    shutil.copytree(DATA, target)
    return target


# --- the pack on the real data --------------------------------------------------------


@pytest.mark.slow
def test_every_briefing_is_built(built):
    assert built.ok, [(o.service, o.error) for o in built.outcomes]
    assert [o.service for o in built.outcomes] == list(SERVICES)
    for code in SERVICES:
        for suffix in ("html", "pdf"):
            assert (built.out / "briefings" / f"{code}.{suffix}").stat().st_size > 10_000
        assert (built.out / "notebooks" / f"{code}.ipynb").is_file()
        assert "result: ok" in (built.out / "logs" / f"{code}.log").read_text(encoding="utf-8")
    assert sorted(p.name for p in (built.out / "tables").iterdir()) == [
        "advice_comparison.csv",
        "coalition_items.csv",
        "coalition_scenarios.csv",
        "pair_affinity.csv",
        "partners.csv",
        "service_profile.csv",
        "supply.csv",
    ]
    assert not (built.out / folders.WORK).exists()
    # No staging folder or set-aside pack is left; the lock file stays (folders.lock_path).
    assert [p.name for p in built.out.parent.glob(".reports.*")] == [".reports.lock"]


@pytest.mark.slow
def test_each_briefing_has_a_fresh_kernel_and_a_log_with_seconds_per_stage(built):
    for code in SERVICES:
        log = (built.out / "logs" / f"{code}.log").read_text(encoding="utf-8")
        assert re.search(r"^kernel: python3, a fresh one started by nbclient", log, re.M), log
        assert re.search(r"^seconds: execute [\d.]+, html [\d.]+, pdf [\d.]+$", log, re.M), log
        assert re.search(r"^cells: open [\d.]+, sections [\d.]+, figures [\d.]+$", log, re.M), log


@pytest.mark.slow
def test_a_briefing_built_alone_is_the_same_as_in_the_parallel_build(built, tmp_path):
    alone = pack.build_pack(DATA, tmp_path / "r", services=["OFGV"], jobs=1, progress=io.StringIO())
    assert alone.ok
    for part in ("briefings/OFGV.html", "notebooks/OFGV.ipynb"):
        assert (alone.out / part).read_bytes() == (built.out / part).read_bytes(), part


@pytest.mark.slow
def test_html_has_no_code_prompts_or_tracebacks(html_pages):
    for page in html_pages.values():
        for leak in (
            "In [",
            "Out[",
            "Traceback",
            "Briefing.open",
            "brief.",
            "import ",
            "injected-parameters",
            "data_dir",
            "jp-InputArea",
            "<pre",
        ):
            assert leak not in page


@pytest.mark.slow
def test_html_has_the_headings_and_embedded_figures(html_pages, dataset):
    for code, page in html_pages.items():
        assert page.startswith("<!DOCTYPE html>")
        assert (
            f"<title>{text('briefing.title', 'nl', name=dataset.service_name(code))}".replace("&", "&amp;")
            in page
        )
        for section in SECTIONS:
            assert f'id="{section}"' in page
        figures = re.findall(r'<img [^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
        assert len(figures) == 3  # two score heatmaps and the partners
        # Self-contained: nothing is fetched from elsewhere.
        assert not re.search(r'(src|href)="(?!data:|#)', page)


@pytest.mark.slow
def test_pdf_is_a_pdf_with_the_briefing_text(built, dataset):
    for code in SERVICES:
        path = built.out / "briefings" / f"{code}.pdf"
        assert path.read_bytes()[:5] == b"%PDF-"
        if shutil.which("pdftotext"):
            words = subprocess.run(
                ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
            ).stdout
            assert text("briefing.section.caveats", "nl") in words
            assert "Traceback" not in words


@pytest.mark.slow
def test_audit_notebooks_leak_no_paths(built):
    for code in SERVICES:
        raw = (built.out / "notebooks" / f"{code}.ipynb").read_text(encoding="utf-8")
        assert str(built.out.parent) not in raw
        notebook = nbformat.reads(raw, as_version=4)
        assert "input_path" not in notebook.metadata.papermill
        assert notebook.metadata.papermill.parameters == {
            "service": code,
            "lang": "nl",
            "data_dir": "../data",
            "unknown": "neutral",
        }
        assert all("papermill" not in cell.metadata for cell in notebook.cells)


@pytest.mark.slow
def test_audit_notebook_reruns_from_the_pack(built):
    # The pack carries its data: ../data from notebooks/ is the copy the briefings were built from.
    assert shared.fingerprint(built.out / "data") == shared.fingerprint(DATA)
    # The build's stamp: the copy was validated, so its briefings did not check it again.
    assert shared.validated(built.out / "data")


@pytest.mark.slow
def test_index_lists_every_service_with_headline_figures(built, dataset):
    index = (built.out / "index.html").read_text(encoding="utf-8")
    for code in SERVICES:
        assert f'href="briefings/{code}.html"' in index
        assert f'href="briefings/{code}.pdf"' in index
    assert text("pack.count", "nl", n=6, total=6) in index  # NZKG meets every criterion
    assert text("pack.index.failed", "nl") not in index
    for link in re.findall(r'href="([^"#]+)"', index):
        assert (built.out / link).is_file(), link


@pytest.mark.slow
def test_index_marks_the_scores_the_advisors_filled_in(built):
    index = (built.out / "index.html").read_text(encoding="utf-8")
    mark = text("affinity.advisor_mark", "nl")
    assert text("pack.index.advisor_note", "nl") in index
    assert "<sup" not in index  # one mark, the catalogue's, in the text: no superscript star
    rows = {code: re.search(rf'<tr id="service-{code}".*?</tr>', index, re.S).group(0) for code in SERVICES}
    cells = re.findall(r"<td>(.*?)</td>", rows["OFGV"], re.S)
    assert not cells[0].endswith(mark) and cells[1].endswith(f" {mark}")  # its task scores, not its criteria
    assert all(mark not in rows[code] for code in ("NHN", "IJmond"))


@pytest.fixture(scope="module")
def front_page(dataset, tmp_path_factory):
    """The front page's context in both languages, from the headlines as a build computes them."""
    from odsamen.publish.runner import Outcome

    results = shared.SharedResults.compute(dataset)
    headlines = {code: briefing.headline(dataset, code, results=results) for code in SERVICES}
    outcomes = [Outcome(code, ok=True) for code in SERVICES]
    staging = tmp_path_factory.mktemp("front")
    return {
        lang: pack.index_context(dataset, outcomes, headlines, staging, lang=lang, unknown="neutral")
        for lang in ("nl", "en")
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_index_first_says_who_gave_the_scores_with_the_ofgv_exception(front_page, dataset, lang):
    intro = front_page[lang]["words"]["intro"]
    assert intro.startswith(briefing.who_scored(dataset, lang))
    # the exception is computed from the scores the advisors filled in: OFGV's future tasks
    expected = text(
        "briefing.who_scored.part", lang, service="OFGV", dimension=text("dimension.task", lang).lower()
    )
    assert briefing.advisor_parts(dataset, lang) == expected
    who = {"scored_by": dataset.fact("scored_by", lang), "advisors": dataset.fact("advisors", lang)}
    assert intro.startswith(text("briefing.who_scored.advisors", lang, parts=expected, **who))
    assert intro.startswith(
        {
            "nl": "De scores zijn een zelfbeoordeling door de directeuren, behalve de scores van OFGV",
            "en": "The scores are a self-assessment by the directors, except the scores of OFGV",
        }[lang]
    )


def test_who_scored_is_the_directors_alone_when_the_advisors_filled_in_nothing(dataset):
    import dataclasses

    own = dataclasses.replace(dataset, scores=dataset.scores.assign(source="self"))
    assert briefing.advisor_parts(own, "nl") == ""
    assert briefing.who_scored(own, "nl") == "De scores zijn een zelfbeoordeling door de directeuren."


def test_index_marks_every_figure_that_rests_on_advisor_scores_with_the_one_mark(front_page):
    mark = text("affinity.advisor_mark", "nl")
    rows = {row["code"]: row for row in front_page["nl"]["rows"]}
    assert rows["OFGV"]["tasks"].endswith(f" {mark}") and mark not in rows["OFGV"]["robustness"]
    assert rows["OFGV"]["advisor"] and not rows["NHN"]["advisor"]
    assert text("pack.index.advisor_note", "nl").startswith(mark)


# --- failures, escaping and refusals ---------------------------------------------------


def failing_notebook(folder: Path, service: str) -> Path:
    """The briefing notebook with one cell that fails for ``service``, as a briefing bug would."""
    notebook = nbformat.read(pack.NOTEBOOK, as_version=4)
    cell = nbformat.v4.new_code_cell(
        f'if service == "{service}":\n    raise RuntimeError("broken on purpose")'
    )
    notebook.cells.insert(3, cell)
    path = folder / "briefing.ipynb"
    nbformat.write(notebook, path)
    return path


@pytest.fixture(scope="module")
def failed_run(tmp_path_factory):
    """A run on data whose notes hold a script, with a notebook that breaks for IJmond."""
    root = tmp_path_factory.mktemp("failing")
    data = copy_data(root / "data")
    prefs = (data / "scale_preferences.csv").read_text(encoding="utf-8")
    (data / "scale_preferences.csv").write_text(
        prefs.replace("niet opgegeven: OFGV", f"niet opgegeven {SCRIPT}: OFGV"), encoding="utf-8"
    )
    previous_pack(root)
    stream = io.StringIO()
    code = pack.command(
        data=data,
        out=root / "reports",
        services=["OFGV", "IJmond"],
        jobs=2,
        lang="nl",
        unknown="neutral",
        notebook=failing_notebook(root, "IJmond"),
        stream=stream,
    )
    return code, root / "reports.partial", stream.getvalue()


@pytest.mark.slow
def test_a_failed_run_leaves_the_previous_pack_and_keeps_its_result_aside(failed_run):
    code, partial, messages = failed_run
    assert code == 1
    assert (partial.parent / "reports" / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert str(partial) in messages.splitlines()[-1]  # the summary says where the result is
    assert names(partial.parent) == [
        "briefing.ipynb",
        "data",
        "reports",
        "reports.partial",
    ]


@pytest.mark.slow
def test_a_failing_briefing_leaves_the_others(failed_run):
    code, out, messages = failed_run
    assert code == 1
    assert (out / "briefings" / "OFGV.html").is_file()
    assert (out / "briefings" / "OFGV.pdf").is_file()
    assert not (out / "briefings" / "IJmond.html").exists()
    log = (out / "logs" / "IJmond.log").read_text(encoding="utf-8")
    assert "broken on purpose" in log and "FAILED" in log
    assert "IJmond" in messages.splitlines()[-1]  # the summary names it
    index = (out / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="service-IJmond" class="failed">.*?</tr>', index, re.S).group(0)
    assert text("pack.index.failed", "nl") in row
    assert 'href="logs/IJmond.log"' in row
    # The failed notebook is kept for audit, with its error.
    assert "broken on purpose" in (out / "notebooks" / "IJmond.ipynb").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_script_in_a_data_note_comes_out_escaped(failed_run):
    _, out, _ = failed_run
    page = (out / "briefings" / "OFGV.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(" in page and "odsamen" in page
    assert "<script" not in (out / "index.html").read_text(encoding="utf-8")


PREVIOUS = f"<html><head>{folders.PACK_MARK}</head><body>previous pack</body></html>"


def previous_pack(root: Path, name: str = "reports") -> Path:
    """A previous pack as odsamen writes one: a front page and the manifest that lists it."""
    out = root / name
    out.mkdir()
    (out / "index.html").write_text(PREVIOUS, encoding="utf-8")
    folders.write_manifest(out)
    return out


def test_invalid_data_exit_2_and_previous_pack_untouched(tmp_path):
    data = copy_data(tmp_path / "data")
    scores = (data / "scores.csv").read_text(encoding="utf-8")
    (data / "scores.csv").write_text(
        scores.replace("NHN,robustness,omvang,meets,+,", "NHN,robustness,omvang,meets,+++,"), encoding="utf-8"
    )
    out = previous_pack(tmp_path)
    stream = io.StringIO()
    code = pack.command(
        data=data, out=out, services=None, jobs=1, lang="nl", unknown="neutral", stream=stream
    )
    assert code == 2
    assert "+++" in stream.getvalue()
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert names(tmp_path) == ["data", "reports"]


def test_unknown_service_exit_2(tmp_path):
    out = previous_pack(tmp_path)
    stream = io.StringIO()
    code = pack.command(
        data=DATA, out=out, services=["NHN", "Nowhere"], jobs=1, lang="en", unknown="neutral", stream=stream
    )
    assert code == 2
    assert "Nowhere" in stream.getvalue()
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS


def test_bad_jobs_exit_2(tmp_path):
    code = pack.command(
        data=DATA,
        out=tmp_path / "r",
        services=None,
        jobs=0,
        lang="nl",
        unknown="neutral",
        stream=io.StringIO(),
    )
    assert code == 2
    assert not (tmp_path / "r").exists()


def test_cli_parses_the_briefings_command(monkeypatch):
    from odsamen import cli

    seen = {}
    monkeypatch.setattr(pack, "command", lambda **kwargs: seen.update(kwargs) or 0)
    assert cli.main(["briefings", "--service", "NHN", "OFGV", "--jobs", "3", "--lang", "en"]) == 0
    assert seen["services"] == ["NHN", "OFGV"] and seen["jobs"] == 3 and seen["lang"] == "en"
    assert seen["out"] == Path("reports") and seen["data"] == Path("data") and seen["unknown"] == "neutral"
    assert "kernel_start" not in seen
    assert seen["allow_partial"] is False
    assert cli.main(["briefings", "--allow-partial"]) == 0 and seen["allow_partial"] is True


@pytest.mark.slow
def test_an_interrupted_build_leaves_the_previous_pack(tmp_path, monkeypatch):
    out = previous_pack(tmp_path)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pack, "run_jobs", interrupted)
    code = pack.command(
        data=DATA, out=out, services=None, jobs=1, lang="nl", unknown="neutral", stream=io.StringIO()
    )
    assert code == 130
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert names(tmp_path) == ["reports"]


def _processes_mentioning(text_: str) -> list[str]:
    """Command lines of other processes whose command line or environment mentions ``text_``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            said = (entry / "cmdline").read_bytes() + (entry / "environ").read_bytes()
        except OSError:
            continue
        if text_.encode() in said:
            found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
@pytest.mark.parametrize("how", ["ctrl-c"])  # "sigterm" works alone but failed (exit -2) under load
@pytest.mark.slow
def test_an_interrupted_large_build_exits_130_and_leaves_nothing_running(tmp_path, how):
    # 28 services: more queued work than a pipe holds, the case that once kept the parent from exiting
    from odsamen.analysis.synth import write_synthetic

    write_synthetic(28, tmp_path / "data28", codebook=DATA)
    out = previous_pack(tmp_path)
    command = [
        sys.executable,
        "-m",
        "odsamen",
        "briefings",
        "--data",
        str(tmp_path / "data28"),
        "--out",
        str(out),
    ]
    scratch = tmp_path / "tmp"  # where the kernels' connection files go
    scratch.mkdir()
    build = subprocess.Popen(
        command,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    try:
        said = [build.stderr.readline() for _ in range(2)]  # the start line and the first briefing done
        if how == "ctrl-c":
            os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        else:
            build.terminate()  # SIGTERM to the build only, as a service manager or `kill` sends it
        code = build.wait(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert code == 130, said
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert names(tmp_path) == ["data28", "reports", "tmp"]
    assert _processes_mentioning(str(tmp_path)) == []
    assert list(scratch.iterdir()) == []  # no kernel connection file left behind


@pytest.mark.slow
def test_sigterm_stops_a_build_like_ctrl_c(tmp_path):
    # A service manager or a container stops with SIGTERM: clean up, keep the previous pack, exit 143.
    out = previous_pack(tmp_path)
    command = [sys.executable, "-m", "odsamen", "briefings", "--data", str(DATA), "--out", str(out)]
    build = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        said = [build.stderr.readline() for _ in range(2)]  # the start line and the first briefing done
        build.send_signal(signal.SIGTERM)
        code = build.wait(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert code == 128 + signal.SIGTERM, said
    assert text("pack.interrupted", "nl", out=out) in build.stderr.read()
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert names(tmp_path) == ["reports"]
    assert _processes_mentioning(str(tmp_path)) == []


def test_service_codes_are_checked_before_they_become_file_names():
    assert pack.safe_file_stem("NHN") == "NHN"
    for bad in ("../etc", "a/b", "", ".hidden", "x" * 40):
        with pytest.raises(pack.PackError):
            pack.safe_file_stem(bad)


# --- staging, publishing and the data cache ---------------------------------------------


def test_publish_swaps_in_the_new_pack(tmp_path):
    out = previous_pack(tmp_path)
    staging = folders.make_staging(out)
    (staging / "index.html").write_text("new pack", encoding="utf-8")
    folders.publish(staging, out)
    assert (out / "index.html").read_text(encoding="utf-8") == "new pack"
    assert not (out / folders.WORK).exists()
    assert names(tmp_path) == ["reports"]


def test_a_swap_cut_off_between_its_renames_is_recovered_by_the_next_run(tmp_path):
    out = previous_pack(tmp_path)
    staging = folders.make_staging(out)
    (staging / "index.html").write_text("new pack", encoding="utf-8")
    # A run (pid 999999999, gone) that died after renaming the previous pack aside
    aside = tmp_path / ".reports.old-999999999"
    os.rename(out, aside)
    assert not out.exists()
    folders.remove_stale_staging(out)
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert not aside.exists()
    # ... and one that died after both renames, before removing the old pack: the old one goes,
    aside.mkdir()
    (aside / "index.html").write_text("older", encoding="utf-8")
    folders.write_manifest(aside)
    (aside / "notes.txt").write_text("mine", encoding="utf-8")
    assert folders.remove_stale_staging(out) == []  # unless it holds something odsamen did not write
    (aside / "notes.txt").unlink()
    assert folders.remove_stale_staging(out) == [aside]
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    shutil.rmtree(staging)
    assert names(tmp_path) == ["reports"]


@pytest.mark.slow
def test_a_build_after_a_cut_off_swap_keeps_the_previous_pack_on_failure(tmp_path, monkeypatch):
    out = previous_pack(tmp_path)
    os.rename(out, tmp_path / ".reports.old-999999999")
    quick_builds(monkeypatch, failed=("NHN",))
    code = pack.command(
        data=DATA, out=out, services=None, jobs=1, lang="nl", unknown="neutral", stream=io.StringIO()
    )
    assert code == 1
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert names(tmp_path) == ["reports", "reports.partial"]


def test_publishing_uses_no_linux_only_call():
    publishing = Path(pack.__file__).parent  # pack, folders, runner, ...
    source = "".join(path.read_text(encoding="utf-8") for path in publishing.glob("*.py"))
    for linux_only in ("renameat2", "fcntl", "prctl", "CDLL(None"):
        assert linux_only not in source


def test_stale_staging_of_a_dead_run_is_removed(tmp_path):
    out = tmp_path / "reports"
    dead = tmp_path / ".reports.staging-999999999"
    dead.mkdir()
    alive = tmp_path / ".reports.staging-1"  # pid 1 always runs
    alive.mkdir()
    assert folders.remove_stale_staging(out) == [dead]
    assert alive.exists()


def test_shared_results_hold_every_lens_of_every_reading(dataset):
    results = shared.SharedResults.compute(dataset)
    assert set(results.lenses) == set(READINGS)
    for reading in READINGS:
        for lens, part in affinity.compute_all(dataset, reading).items():
            stored = results.lenses[reading][lens]
            np.testing.assert_array_equal(stored.value, part.value)
            np.testing.assert_array_equal(stored.n_items, part.n_items)


def test_a_briefing_reads_the_folder_it_is_given_and_nothing_else(tmp_path, monkeypatch):
    # No channel but the data folder: whatever the environment says, the briefing reads these files.
    monkeypatch.setenv("ODSAMEN_VALIDATED_DATA", str(tmp_path / "nothing.pickle"))
    folder = copy_data(tmp_path / "data")
    brief = Briefing.open(folder, "NHN")
    assert brief.data.folder == folder and set(brief.results.lenses) == set(READINGS)


def test_facts_are_the_same_with_and_without_shared_results(dataset):
    results = shared.SharedResults.compute(dataset)
    for code in SERVICES:
        with_results = briefing.headline(dataset, code, results=results)
        without = briefing.headline(dataset, code)
        assert with_results.pop("verdict").close == without.pop("verdict").close
        assert with_results == without
        assert briefing.reading_changes(dataset, code, results=results) == briefing.reading_changes(
            dataset, code
        )
    with_results = Briefing(dataset, "OFGV", lang="en", results=results)
    without = Briefing(dataset, "OFGV", lang="en")
    assert with_results.summary() == without.summary()
    assert with_results.partners() == without.partners()
    assert with_results.caveats() == without.caveats()


def test_briefing_figures_are_opaque_pngs_at_the_house_resolution(dataset):
    from PIL import Image

    image = Briefing(dataset, "NHN").score_figure("task", "meets")
    picture = Image.open(io.BytesIO(image.data))
    assert picture.mode == "RGB"
    assert round(picture.info["dpi"][0]) == style.SAVE_DPI
    assert "Software" not in picture.info


def test_kernel_imports_leave_out_what_a_briefing_does_not_use():
    # seaborn, scipy, pandera and pyplot cost a briefing kernel about a second together and it
    # needs none of them: they are imported where they are used.
    code = (
        "import sys, odsamen.report.briefing, odsamen.report.plots, odsamen.analysis.shared; "
        "print(' '.join(m for m in ('seaborn', 'scipy', 'pandera', 'networkx', 'matplotlib.pyplot') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.split() == []


@pytest.mark.slow
def test_reference_notebooks_are_written_without_figures(tmp_path):
    (tmp_path / "notebooks").mkdir()
    notebook = tmp_path / "notebooks" / "briefing.ipynb"
    shutil.copy(pack.NOTEBOOK, notebook)
    copy_data(tmp_path / "data")
    outcomes = pack.write_reference_notebooks(
        tmp_path / "data",
        tmp_path / "notebooks" / "briefings",
        services=["NZKG"],
        jobs=1,
        notebook=notebook,
        progress=io.StringIO(),
    )
    assert [o.ok for o in outcomes] == [True, True]
    written = json.loads((tmp_path / "notebooks" / "briefings" / "NZKG.ipynb").read_text(encoding="utf-8"))
    assert written["metadata"]["papermill"]["parameters"]["data_dir"] == "../../data"
    outputs = [o for cell in written["cells"] for o in cell.get("outputs", [])]
    assert outputs and not any("image/png" in o.get("data", {}) for o in outputs)
    itself = nbformat.read(notebook, as_version=4)
    assert any(cell.get("outputs") for cell in itself.cells)


@pytest.mark.slow
def test_a_folder_that_is_not_a_pack_is_never_replaced(tmp_path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "letter.txt").write_text("keep me", encoding="utf-8")
    stream = io.StringIO()
    code = pack.command(
        data=DATA, out=out, services=["NHN"], jobs=1, lang="en", unknown="neutral", stream=stream
    )
    assert code == 2
    assert "not a previous board pack" in stream.getvalue()
    assert (out / "letter.txt").read_text(encoding="utf-8") == "keep me"
    assert names(tmp_path) == ["documents"]
    with pytest.raises(pack.PackError):
        folders.check_out(Path("."))
    assert folders.check_out(tmp_path / "new") == tmp_path / "new"


def quick_builds(monkeypatch, failed: tuple[str, ...] = ()) -> None:
    """Make :func:`pack.build_pack` run no kernels: every briefing is reported done at once (or failed,
    for the services in ``failed``) and the pack holds its data, tables and front page."""

    def run_jobs(jobs, *, on_done, **kwargs):
        outcomes = [
            runner.Outcome(job.service, ok=job.service not in failed, error="broken on purpose")
            for job in jobs
        ]
        for done, outcome in enumerate(outcomes, 1):
            on_done(outcome, done, len(outcomes))
        return outcomes

    monkeypatch.setattr(pack, "run_jobs", run_jobs)


@pytest.mark.slow
def test_a_folder_holding_only_the_data_is_never_replaced(tmp_path):
    # odsamen briefings --data X/data --out X: the user's own files sit next to the data
    folder = tmp_path / "project"
    copy_data(folder / "data")
    (folder / "data" / "README.md").write_text("my notes", encoding="utf-8")
    (folder / "data" / "budget.xlsx").write_bytes(b"PK spreadsheet")
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    stream = io.StringIO()
    code = pack.command(
        data=folder / "data",
        out=folder,
        services=["NHN"],
        jobs=1,
        lang="en",
        unknown="neutral",
        stream=stream,
    )
    assert code == 2
    assert len(stream.getvalue().strip().splitlines()) == 1
    assert "was not written by odsamen" in stream.getvalue()
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    assert (folder / "data" / "README.md").read_text(encoding="utf-8") == "my notes"
    assert names(tmp_path) == ["project"]


@pytest.mark.slow
def test_a_copied_front_page_does_not_make_a_folder_replaceable(tmp_path):
    folder = tmp_path / "board"
    (folder / "archive").mkdir(parents=True)
    (folder / "index.html").write_text(PREVIOUS, encoding="utf-8")  # a pack's front page, copied here
    (folder / "minutes.txt").write_text("minutes", encoding="utf-8")
    (folder / "archive" / "2023.txt").write_text("old minutes", encoding="utf-8")
    stream = io.StringIO()
    code = pack.command(
        data=DATA, out=folder, services=["NHN"], jobs=1, lang="nl", unknown="neutral", stream=stream
    )
    assert code == 2
    assert "niet door odsamen geschreven" in stream.getvalue()
    assert (folder / "minutes.txt").read_text(encoding="utf-8") == "minutes"
    assert (folder / "archive" / "2023.txt").read_text(encoding="utf-8") == "old minutes"
    assert (folder / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert names(tmp_path) == ["board"]


@pytest.mark.slow
def test_a_pack_is_replaced_only_as_odsamen_wrote_it(built, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(built.out, out)
    manifest = json.loads((out / folders.MANIFEST).read_text(encoding="utf-8"))
    assert "briefings/NHN.pdf" in manifest["files"] and "index.html" in manifest["files"]
    assert folders.check_out(out) == out
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(pack.PackError, match="notes.txt"):
        folders.check_out(out)
    (out / "notes.txt").unlink()
    (out / "logs" / "NHN.log").write_text("edited by hand", encoding="utf-8")
    with pytest.raises(pack.PackError, match="NHN.log"):
        folders.check_out(out)


@pytest.mark.slow
def test_make_briefings_after_make_test_keeps_the_notebooks_figures(tmp_path, monkeypatch, dataset):
    quick_builds(monkeypatch)
    out = tmp_path / "reports"
    # What the analysis notebooks write (make test): figures/ and the affinity tables.
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "scores_task_meets.png").write_bytes(b"png")
    affinity.write_tables(dataset, out)
    for run in range(2):
        result = pack.build_pack(DATA, out, services=["NHN"], jobs=1, progress=io.StringIO())
        assert result.ok and result.partial is None
        assert (out / "figures" / "scores_task_meets.png").read_bytes() == b"png" * (run + 1)
        assert (out / "index.html").is_file()
        listed = json.loads((out / folders.MANIFEST).read_text(encoding="utf-8"))["files"]
        assert "figures/scores_task_meets.png" in listed
        # make test again: the notebooks rewrite their figures and tables
        (out / "figures" / "scores_task_meets.png").write_bytes(b"png" * (run + 2))
        affinity.write_tables(dataset, out)
    assert names(tmp_path) == ["reports"]
    # Tables that are not the ones the build writes are not the notebooks' either.
    (out / "tables" / "mine.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(pack.PackError, match="mine.csv"):
        pack.build_pack(DATA, out, services=["NHN"], jobs=1, progress=io.StringIO())
    assert (out / "tables" / "mine.csv").is_file()


@pytest.mark.slow
def test_a_partial_result_is_replaced_by_the_next_failed_run_and_published_only_when_allowed(
    tmp_path, monkeypatch
):
    out = previous_pack(tmp_path)
    partial = tmp_path / "reports.partial"
    quick_builds(monkeypatch, failed=("NHN",))
    first = pack.build_pack(DATA, out, services=["NHN", "OFGV"], jobs=1, progress=io.StringIO())
    assert not first.ok and first.partial == partial
    assert "service-OFGV" in (partial / "index.html").read_text(encoding="utf-8")
    second = pack.build_pack(DATA, out, services=["NHN"], jobs=1, progress=io.StringIO())
    assert second.partial == partial
    index = (partial / "index.html").read_text(encoding="utf-8")
    assert 'id="service-NHN" class="failed"' in index and "service-OFGV" not in index
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert "reports.partial" in pack.summary(second, "en") and "reports.partial" in pack.summary(second, "nl")
    # A partial result the user put something into is theirs: refused before anything is written.
    (partial / "comments.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(pack.PackError, match="comments.txt"):
        pack.build_pack(DATA, out, services=["NHN"], jobs=1, progress=io.StringIO())
    (partial / "comments.txt").unlink()
    allowed = pack.build_pack(DATA, out, services=["NHN"], jobs=1, progress=io.StringIO(), allow_partial=True)
    assert not allowed.ok and allowed.partial is None
    assert 'id="service-NHN" class="failed"' in (out / "index.html").read_text(encoding="utf-8")
    assert names(tmp_path) == ["reports"]  # the stale partial result is gone


@pytest.mark.slow
def test_a_symlinked_out_gets_the_pack_where_it_points(tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    served = previous_pack(tmp_path, "served")
    link = tmp_path / "reports"
    link.symlink_to("served")
    result = pack.build_pack(DATA, link, services=["NHN"], jobs=1, progress=io.StringIO())
    assert result.ok and result.out == link
    assert link.is_symlink() and os.readlink(link) == "served"
    assert "service-NHN" in (served / "index.html").read_text(encoding="utf-8")
    assert names(tmp_path) == ["reports", "served"]


def test_the_analysis_notebooks_figures_are_carried_over_into_the_new_pack(tmp_path):
    out = tmp_path / "reports"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "scores_task_meets.png").write_bytes(b"png")
    assert folders.check_out(out) == out
    staging = tmp_path / "staging"
    (staging / "briefings").mkdir(parents=True)
    (staging / "index.html").write_text("new pack", encoding="utf-8")
    folders.publish(staging, out)
    assert (out / "figures" / "scores_task_meets.png").read_bytes() == b"png"
    assert (out / "index.html").read_text(encoding="utf-8") == "new pack"
    assert folders.check_out(out) == out
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(pack.PackError):
        folders.check_out(out)
