"""The explorer: its outputs say what the library says, per choice, in the notebook and in a browser.

The unit tests call :class:`odsamen.report.explorer.Explorer` on the real data. The
browser test serves ``notebooks/00-explorer.ipynb`` with Voilà on a free
localhost port, drives it with Playwright in Debian's headless Chromium (no
browser download) and checks that the controls change what the library says
they change. It skips, saying why, only when Chromium or Playwright is missing.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import numpy as np
import pytest

from odsamen.analysis import affinity
from odsamen.analysis import coalitions as co
from odsamen.analysis.scoring import READINGS, Reading
from odsamen.catalogue import format_number, join_words, text
from odsamen.report.explorer import CONTROLS, OUTPUTS, Explorer, render
from odsamen.report.plots import coalition_cells, score_heatmap

CELL = "padding:3px 8px;border-bottom:1px solid #e0e0e0;text-align:left;vertical-align:top"
REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "00-explorer.ipynb"


@pytest.fixture(scope="module")
def explorer(dataset) -> Explorer:
    return Explorer(dataset)


def rows_of(html: str, attribute: str) -> dict[str, str]:
    """The text of each table row with ``attribute`` in an HTML fragment, by the attribute's value."""
    found = {}
    for value, body in re.findall(rf'<tr {attribute}="([^"]+)"[^>]*>(.*?)</tr>', html):
        found[value] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()
    return found


def verdict_cells(html: str) -> dict[tuple[str, str], str]:
    cells = re.findall(r'data-coalition="([^"]+)" data-scenario="([^"]+)" data-verdict="([^"]+)"', html)
    return {(key, form): verdict for key, form, verdict in cells}


def profile_value(html: str, group: str, service: str) -> str:
    row = re.search(rf'<tr data-group="{group}">(.*?)</tr>', html).group(1)
    return re.search(rf'data-service="{service}">([^<]*)<', row).group(1)


# --- unit tests ---------------------------------------------------------------------


def test_every_output_for_the_defaults_and_every_control_has_choices(explorer, dataset):
    outputs = explorer.view()
    assert set(outputs) == set(OUTPUTS)
    assert all(outputs[name].strip() for name in OUTPUTS)
    defaults = explorer.defaults()
    assert set(defaults) == set(CONTROLS)
    for control in CONTROLS:
        values = [value for _, value in explorer.options(control)]
        assert defaults[control] in values, control
    assert [v for _, v in explorer.options("lens")] == list(affinity.LENSES)
    assert [v for _, v in explorer.options("coalition")] == co.coalitions(dataset)
    # Every row of every picture can be outlined; the style sheet shows the chosen service's.
    assert outputs["scores"].count('class="odx-outline"') == 4 * len(dataset.service_codes)
    assert explorer.view(dimension="task")["scores"].count('data-picture="scores:') == 2
    assert '.odx-outline[data-outline="NHN"]' in outputs["outline"]
    assert '.odx-outline[data-outline="OFGV"]' in explorer.view(service="OFGV")["outline"]


def test_advisor_exclude_changes_nhn_partner_values_as_the_library_says(explorer, dataset):
    lens = "shared_added_value"
    seen = {}
    for advisor in ("include", "exclude"):
        table = rows_of(explorer.view(service="NHN", lens=lens, advisor=advisor)["partners"], "data-partner")
        expected = affinity.best_partners(dataset, "NHN", advisor=advisor)
        expected = expected[expected["lens"] == lens]
        assert list(table) == list(expected["partner"])  # the ranking's order
        for row in expected.itertuples():
            assert affinity.basis_text(row.value, row.n_items, lens, "nl") in table[row.partner]
        seen[advisor] = table["OFGV"]
    assert "12 van 16 onderdelen" in seen["include"] and "2 van 6 onderdelen" in seen["exclude"]


def test_advisor_exclude_changes_ofgv_coalition_verdicts_as_the_library_says(explorer, dataset):
    found = {}
    for advisor in ("include", "exclude"):
        cells = verdict_cells(explorer.view(advisor=advisor)["verdicts"])
        library = co.scenario_verdicts(dataset, reading=Reading(advisor=advisor))
        assert cells == {(r.coalition, r.scenario): r.verdict for r in library.itertuples()}
        found[advisor] = cells
    changed = {key for key in found["include"] if found["include"][key] != found["exclude"][key]}
    assert changed and all("OFGV" in co.members(key) for key, _ in changed)
    assert found["exclude"][("NHN+OFGV", "expertisecentrum")] == "undetermined"
    assert found["include"][("NHN+OFGV", "expertisecentrum")] == "partly"


def test_the_chosen_coalition_is_outlined_with_its_reasons_and_the_reports_advice(explorer, dataset):
    outputs = explorer.view(coalition="NHN+IJmond", lang="en")
    assert re.search(r'<tr data-coalition="NHN\+IJmond" style="outline', outputs["verdicts"])
    assert not re.search(r'<tr data-coalition="NHN\+NZKG" style="outline', outputs["verdicts"])
    reasons = rows_of(outputs["verdicts"], "data-scenario")
    table = co.scenario_verdicts(dataset, ["NHN+IJmond"], lang="en").set_index("scenario")
    for form, row in table.iterrows():
        assert f'<td style="{CELL}">{html.escape(row["reason"])}</td>' in outputs["verdicts"], form
    assert "advised (p. 24)" in reasons["federatie"]
    assert 'data-outline="NHN+IJmond"' in outputs["coalition_chart"]
    assert '.odx-outline[data-outline="NHN+IJmond"]' in outputs["outline"]


def test_the_reading_of_unknown_changes_only_the_means(explorer, dataset):
    neutral = explorer.view(service="NHN")
    missing = explorer.view(service="NHN", unknown="missing")
    for name in ("outline", "pairs", "pair_items", "partners", "verdicts", "coalition_chart", "scores"):
        assert neutral[name] == missing[name], name
    for unknown, outputs in (("neutral", neutral), ("missing", missing)):
        profile = affinity.service_profile(dataset, unknown=unknown)
        row = profile[
            (profile.service == "NHN") & (profile.dimension == "task") & (profile.measure == "meets")
        ]
        assert profile_value(outputs["profile"], "task:meets", "NHN") == format_number(
            row["mean_score"].iloc[0], "nl", 2
        )
    assert profile_value(neutral["profile"], "task:meets", "NHN") != profile_value(
        missing["profile"], "task:meets", "NHN"
    )


def test_only_the_advisor_switch_changes_the_coalitions(dataset):
    # The explorer computes the coalitions under Explorer.coalition_reading: this must stay true.
    for reading in READINGS:
        short = Explorer.coalition_reading(reading.advisor)
        assert co.scenario_verdicts(dataset, reading=reading).equals(
            co.scenario_verdicts(dataset, reading=short)
        )
        assert coalition_cells(dataset, reading=reading).equals(coalition_cells(dataset, reading=short))


def test_pair_values_and_items_follow_the_lens_and_the_items_chosen(explorer, dataset):
    for dimension, scope in (("all", None), ("robustness", "robustness"), ("task", "task")):
        outputs = explorer.view(lens="joint_agenda", dimension=dimension, pair="NHN+IJmond")
        table = affinity.pair_affinity_items(dataset, dimension=scope)
        row = table[
            (table.lens == "joint_agenda") & (table.service_a == "NHN") & (table.service_b == "IJmond")
        ]
        row = row.iloc[0]
        basis = affinity.basis_text(row["value"], row["n_items"], "joint_agenda", "nl")
        assert basis in outputs["pair_items"]
        assert f"Telt mee ({len(row['items'])}):" in outputs["pair_items"]
        count = f"{int(row['value'])}/{int(row['n_items'])}"
        cell = re.search(r'data-pair="NHN\+IJmond"[^>]*>(.*?)</td>', outputs["pairs"]).group(1)
        assert count in cell
        labels = [dataset.item_label(item, "nl").replace("&", "&amp;") for item in row["items"]]
        assert all(label in outputs["pair_items"] for label in labels)


def test_a_click_recomputes_only_what_it_changes(dataset):
    fresh = Explorer(dataset)
    fresh.view()
    pictures = fresh.score_picture.cache_info().misses, fresh.coalition_picture.cache_info().misses
    lenses = fresh.lenses.cache_info().misses
    fresh.view(service="OFGV", coalition="NZKG+OFGV", pair="NHN+OFGV")
    assert (fresh.score_picture.cache_info().misses, fresh.coalition_picture.cache_info().misses) == pictures
    assert fresh.lenses.cache_info().misses == lenses
    fresh.view(advisor="exclude")
    assert fresh.score_picture.cache_info().misses == pictures[0]  # scores do not depend on the reading
    assert fresh.coalition_picture.cache_info().misses == pictures[1] + 1
    before = fresh.partners_html.cache_info().hits
    fresh.view(advisor="exclude")
    assert fresh.partners_html.cache_info().hits == before + 1


def test_english_by_choice_and_unknown_choices_refused(explorer):
    english = explorer.view(lang="en")
    assert "Partners of NHN" in english["partners"] and "Explorer" in english["header"]
    assert "Partners van NHN" in explorer.view()["partners"]
    assert explorer.label("advisor", "en") == "Advisors"
    assert ("without the advisors' scores", "exclude") in explorer.options("advisor", "en")
    for bad in ({"service": "XYZ"}, {"lens": "weights"}, {"coalition": "NHN"}, {"dimension": "both"}):
        with pytest.raises(ValueError):
            explorer.view(**bad)
    with pytest.raises(ValueError):
        explorer.view(lang="fr")
    with pytest.raises(ValueError):
        explorer.view(advisor="maybe")


def test_the_outline_lands_where_the_librarys_highlight_is_drawn(dataset):
    from PIL import Image

    n_items = len(dataset.item_codes("robustness"))
    codes = dataset.service_codes
    picture = render(
        lambda: score_heatmap(dataset, dimension="robustness", measure="meets", highlight="OFGV"),
        lambda ax: {code: (0, row, n_items, row + 1) for row, code in enumerate(codes)},
    )
    image = np.asarray(Image.open(io.BytesIO(picture.png)).convert("L"), dtype=float)
    assert image.shape == (picture.height, picture.width)
    left, top, width, height = picture.rows["OFGV"]
    x0, x1 = round(left * picture.width), round((left + width) * picture.width)
    y0, y1 = round(top * picture.height), round((top + height) * picture.height)
    middle_x, middle_y = (x0 + x1) // 2, (y0 + y1) // 2
    # The library's 3-point black outline runs along the measured edges (one pixel either way).
    for y in (y0, y1):
        assert image[y - 1 : y + 2, middle_x].min() < 40, y
    for x in (x0, x1):
        assert image[middle_y, x - 1 : x + 2].min() < 40, x


def test_the_notebook_is_committed_executed_without_widget_state():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert all(cell.execution_count is not None for cell in code)
    widget_cells = [cell for cell in code if "widget-view" in str(cell.outputs)]
    assert widget_cells and all(
        "nbval-ignore-output" in cell.metadata.get("tags", []) for cell in widget_cells
    )
    assert "widgets" not in notebook.metadata  # the state is half a megabyte of pictures that change
    assert "explorer.view" in "".join(cell.source for cell in code)


# --- in a browser -----------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
STARTUP_SECONDS = 60
"""How long Voilà may take to answer on its port."""
PAGE_SECONDS = 240
"""How long the page may take to show the explorer: Voilà runs the whole notebook first (a kernel,
the imports, the data, every picture drawn once); on two busy cores that has taken 30 s."""
CLICK_SECONDS = 30


def browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed (apt-get install chromium; .ci/run does this)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -r requirements.txt)"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"voila exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"voila did not answer on port {port} within {seconds} s")


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    reason = browser_missing()
    if reason:
        pytest.skip(reason)
    port = free_port()
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "voila",
                str(NOTEBOOK),
                "--template=odsamen",  # as `make explore` serves it
                "--no-browser",
                f"--port={port}",
                "--Voila.ip=127.0.0.1",
            ],
            env=os.environ | {"JUPYTER_PATH": str(REPO / "share" / "jupyter")},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the kernel it starts is stopped with it
        )
    try:
        wait_for_port(port, process, STARTUP_SECONDS)
        yield f"http://127.0.0.1:{port}/"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)


@pytest.mark.slow
def test_the_voila_app_answers_the_controls_as_the_library_says(voila, dataset):
    from playwright.sync_api import expect, sync_playwright

    lens = "shared_added_value"
    partners = {}
    for advisor in ("include", "exclude"):
        table = affinity.best_partners(dataset, "NHN", advisor=advisor)
        row = table[(table["lens"] == lens) & (table["partner"] == "OFGV")].iloc[0]
        partners[advisor] = affinity.basis_text(row["value"], row["n_items"], lens, "nl")
    assert partners["include"] != partners["exclude"]
    verdicts = {
        advisor: co.scenario_verdicts(dataset, ["NHN+OFGV"], Reading(advisor=advisor))
        .set_index("scenario")
        .at["expertisecentrum", "verdict"]
        for advisor in ("include", "exclude")
    }
    assert verdicts["include"] != verdicts["exclude"]
    means = {}
    for unknown in ("neutral", "missing"):
        profile = affinity.service_profile(dataset, unknown=unknown)
        part = profile[
            (profile.service == "NHN") & (profile.dimension == "task") & (profile.measure == "meets")
        ]
        means[unknown] = format_number(part["mean_score"].iloc[0], "nl", 2)
    assert means["neutral"] != means["missing"]

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            elsewhere = []  # the page asks for nothing outside this machine (no CDN: it must work offline)
            page.on("request", lambda r: None if r.url.startswith(voila) else elsewhere.append(r.url))
            page.goto(voila, timeout=PAGE_SECONDS * 1000)
            page.wait_for_selector(".odx-output-partners table.odx-partners", timeout=PAGE_SECONDS * 1000)
            expect.set_options(timeout=CLICK_SECONDS * 1000)
            assert "import " not in page.inner_text("body")  # no code shown
            outlined = page.locator(".odx-output-scores .odx-outline:visible")
            expect(outlined).to_have_count(4)
            assert {outlined.nth(k).get_attribute("data-outline") for k in range(4)} == {"NHN"}

            ofgv = page.locator('.odx-output-partners tr[data-partner="OFGV"]')
            verdict = page.locator(
                '.odx-output-verdicts td[data-coalition="NHN+OFGV"][data-scenario="expertisecentrum"]'
            )
            mean = page.locator('.odx-output-profile tr[data-group="task:meets"] span[data-service="NHN"]')
            page.locator(".odx-control-lens select").select_option(label=affinity.lens_label(lens, "nl"))
            expect(ofgv).to_contain_text(partners["include"])
            expect(verdict).to_have_attribute("data-verdict", verdicts["include"])
            expect(mean).to_have_text(means["neutral"])

            # '?' as missing: the means change; the partners and verdicts do not (the library reads '?'
            # as undetermined under both readings).
            page.locator(".odx-control-unknown label", has_text="ontbrekend").click()
            expect(mean).to_have_text(means["missing"])
            expect(page.locator(".odx-reading")).to_contain_text("? als ontbrekend")
            expect(ofgv).to_contain_text(partners["include"])
            expect(verdict).to_have_attribute("data-verdict", verdicts["include"])

            # Without the advisors' scores: NHN-OFGV rests on fewer items, and the verdict changes.
            page.locator(".odx-control-advisor label", has_text="zonder").click()
            expect(ofgv).to_contain_text(partners["exclude"])
            expect(verdict).to_have_attribute("data-verdict", verdicts["exclude"])
            # OFGV's task scores were all filled in by the advisors: its blank means are explained.
            expect(page.locator(".odx-output-profile")).to_contain_text(
                "– betekent: geen score om te middelen (OFGV)"
            )

            # English by the language control, the choices kept.
            page.locator(".odx-control-lang button", has_text="English").click()
            expect(page.locator(".odx-output-partners h3")).to_contain_text("Partners of NHN")
            expect(ofgv).to_contain_text(
                partners["exclude"].replace("van", "of").replace("onderdelen", "items")
            )
            assert elsewhere == []
        finally:
            browser.close()


def test_a_blank_mean_is_explained_with_the_services_it_concerns(explorer, dataset):
    advisor_only = [
        code
        for code in dataset.service_codes
        if (
            dataset.scores[(dataset.scores.service == code) & (dataset.scores.dimension == "task")].source
            == "advisor"
        ).all()
    ]
    assert advisor_only, "the data hold a service whose task scores the advisors filled in"
    without = explorer.view(advisor="exclude")["profile"]
    for code in advisor_only:
        assert profile_value(without, "task:meets", code) == "–"
    assert text(
        "explorer.profile.blank.advisor", "nl", services=join_words(advisor_only, "nl")
    ) in without.replace("&#x27;", "'")
    assert "– betekent" not in explorer.view()["profile"]
