"""The board pack as a public body must publish it: WCAG 2.1 AA pages and tagged PDF/UA briefings.

The Dutch and the English pack of ``data/`` are built once each (``pack_builds.py``). Every PDF is read
with ``pdfinfo`` and pikepdf: tagged, with a language, a title and a structure tree of headings in the
page's order, figures with the ``alt`` text of their image and tables with header cells. Every page,
the front page and each briefing, is opened offline in Debian's Chromium through Playwright: axe-core
(vendored in ``tests/vendor/axe-core``, with its licence) finds no violation of WCAG 2.1 A or AA, the
page asks for nothing outside the pack, and the front page fits a window 1280 pixels wide.
"""

from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pikepdf
import pytest
from pack_builds import english_pack, real_pack

from odsamen.catalogue import text
from odsamen.publish import changes, export, folders, pack

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""Nothing that would phone home: the machine's network may be closed."""

AXE = Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""The axe-core rules run: WCAG 2.0 and 2.1, levels A and AA (EN 301 549 asks for 2.1 AA)."""

WINDOW = {"width": 1280, "height": 800}
SCROLL_BAR = 17
"""Pixels a vertical scroll bar may take of the window (the widest, Windows'): headless Chromium has none."""
MAX_HEADER_LINES = 3
"""Lines a column header of the front page may wrap over in a window of :data:`WINDOW`."""

SERVICES = ("NHN", "IJmond", "NZKG", "OFGV")
HEADINGS = ("H1", "H2", "H3", "H4", "H5", "H6")
LANGUAGES = ("nl", "en")

pytestmark = pytest.mark.slow
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdfinfo") and shutil.which("pdffonts")),
    reason="poppler-utils (pdfinfo, pdffonts) is not installed; .ci/run installs it",
)


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request, tmp_path_factory) -> tuple[str, pack.PackResult]:
    """The language and the pack of ``data/`` in it."""
    result = (real_pack if request.param == "nl" else english_pack)(tmp_path_factory)
    assert result.ok, result.outcomes
    return request.param, result


def pages(result: pack.PackResult) -> list[Path]:
    """The front page, the page of changes and every briefing page of ``result``."""
    briefings = result.out / folders.BRIEFINGS
    front = [result.out / "index.html", result.out / changes.CHANGES_PAGE]
    return [*front, *(briefings / f"{code}.html" for code in SERVICES)]


# --- the HTML page, as a reference for its PDF ---------------------------------------------


class PageOutline(HTMLParser):
    """What a briefing page holds, in order: its language, title, headings, image alt texts, tables."""

    def __init__(self, html: str):
        super().__init__()
        self.lang = self.title = None
        self.headings: list[str] = []
        self.alts: list[str | None] = []
        self.tables = 0
        self.header_cells: list[dict] = []
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag.upper() in HEADINGS:
            self.headings.append(tag.upper())
        elif tag == "img":
            self.alts.append(attrs.get("alt"))
        elif tag == "table":
            self.tables += 1
        elif tag == "th":
            self.header_cells.append(attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data


def outline(result: pack.PackResult, code: str) -> PageOutline:
    return PageOutline((result.out / folders.BRIEFINGS / f"{code}.html").read_text(encoding="utf-8"))


# --- the PDF's structure tree -----------------------------------------------------------------

PDF_UA_PART = "{http://www.aiim.org/pdfua/ns/id/}part"
"""The XMP property by which a PDF claims PDF/UA, and which part."""


def elements(node) -> list[pikepdf.Dictionary]:
    """The structure elements in and under ``node`` (an element or an array of kids), depth first: the
    order in which a screen reader reads them."""
    found = []
    if isinstance(node, pikepdf.Array):
        for kid in node:
            found += elements(kid)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        found.append(node)
        found += elements(node.get("/K"))
    return found


def tag(element: pikepdf.Dictionary) -> str:
    return str(element.S).lstrip("/")


def tagged_pdf(result: pack.PackResult, code: str) -> pikepdf.Pdf:
    return pikepdf.open(result.out / folders.BRIEFINGS / f"{code}.pdf")


@needs_poppler
def test_every_pdf_is_tagged_with_its_language_and_title(built):
    lang, result = built
    for code in SERVICES:
        path = result.out / folders.BRIEFINGS / f"{code}.pdf"
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert "Tagged:          yes" in info, code
        page = outline(result, code)
        assert page.lang == lang
        with tagged_pdf(result, code) as pdf:
            assert str(pdf.Root.Lang) == lang, code
            assert pdf.Root.MarkInfo.Marked is True
            assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # the title, not the file name
            assert str(pdf.docinfo.Title) == page.title.strip(), code
            metadata = pdf.open_metadata()
            assert metadata[PDF_UA_PART] == "1" and metadata["dc:title"] == page.title.strip(), code
        # Every font embedded, with a map to Unicode: a screen reader gets the text, not glyph numbers.
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:]]
        assert rows and all(row[-5] == "yes" and row[-3] == "yes" for row in rows), fonts


def test_pdf_headings_come_in_the_order_of_the_page(built):
    _, result = built
    for code in SERVICES:
        with tagged_pdf(result, code) as pdf:
            headings = [tag(e) for e in elements(pdf.Root.StructTreeRoot.K) if tag(e) in HEADINGS]
        assert headings == outline(result, code).headings, code
        assert headings.count("H1") == 1 and "H2" in headings, code


def test_every_pdf_figure_carries_the_alt_text_of_its_image(built):
    _, result = built
    for code in SERVICES:
        alts = outline(result, code).alts
        assert len(alts) == 3 and all(alts), code  # two score grids and the partners
        with tagged_pdf(result, code) as pdf:
            figures = [e for e in elements(pdf.Root.StructTreeRoot.K) if tag(e) == "Figure"]
            assert [str(figure.get("/Alt", "")) for figure in figures] == alts, code


def test_every_pdf_table_has_header_cells_that_its_data_cells_point_to(built):
    _, result = built
    for code in SERVICES:
        page = outline(result, code)
        assert page.tables and all(cell.get("scope") in ("col", "row") for cell in page.header_cells), code
        with tagged_pdf(result, code) as pdf:
            tables = [e for e in elements(pdf.Root.StructTreeRoot.K) if tag(e) == "Table"]
            # A table split over two pages is two Table elements, each with the header row repeated.
            assert len(tables) >= page.tables, code
            for table in tables:
                cells = elements(table.K)
                headers = {str(cell.ID) for cell in cells if tag(cell) == "TH"}
                assert headers, code
                for cell in (cell for cell in cells if tag(cell) == "TD"):
                    pointed = {str(header) for header in cell.A.Headers}
                    assert pointed and pointed <= headers, code


# --- in a browser --------------------------------------------------------------------------------


def browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed (apt-get install chromium; .ci/run does this)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -r requirements.txt)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = browser_missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def offline_page(browser, path: Path):
    """``path`` loaded in a fresh offline browser context of :data:`WINDOW`'s size, with every URL the
    page asked for (the page's own included; ``data:`` images are not requests)."""
    context = browser.new_context(offline=True, viewport=WINDOW)
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(path.as_uri(), wait_until="load")
        yield page, requested
    finally:
        context.close()


def outside(url: str, root: Path) -> bool:
    """Whether ``url`` points anywhere but a file inside the pack at ``root``."""
    parsed = urlparse(url)
    return parsed.scheme != "file" or root.resolve() not in Path(unquote(parsed.path)).resolve().parents


def axe_violations(page) -> tuple[list[str], int]:
    """axe-core's violations of :data:`WCAG_TAGS` on ``page``, one line each, and how many rules passed."""
    page.add_script_tag(path=str(AXE))  # inlined into the page: no request
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    found = [
        f"{rule['id']} ({rule['impact']}): {rule['help']}: {[node['target'] for node in rule['nodes']]}"
        for rule in results["violations"]
    ]
    return found, len(results["passes"])


def test_axe_core_finds_no_wcag_21_aa_violation_on_any_page(built, browser):
    _, result = built
    found = {}
    for path in pages(result):
        with offline_page(browser, path) as (page, _):
            violations, passed = axe_violations(page)
        assert passed >= 5, f"axe-core checked almost nothing on {path.name}"
        if violations:
            found[path.name] = violations
    assert not found, found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_core_finds_no_violation_on_a_page_of_changes(browser, tmp_path, lang):
    """A page of changes with every part: cells, statements, forms, other tables, services added."""
    found = changes.Comparison(
        previous=True,
        services=[
            changes.ServiceChanges(
                "NZKG",
                cells=[changes.Change("Innovatie: eigen score", "+", "--")],
                statements=[changes.Change("Kan halen (onderdelen)", "0", "1")],
                forms=[changes.Change("Oordeel over federatie van NZKG en OFGV", "past", "past deels")],
            ),
            changes.ServiceChanges("OFGV", cells=[changes.Change("Innovatie: meerwaarde", "+", "++")]),
        ],
        other=[changes.Change("scenarios.csv, convenant: fits_at", "4", "3")],
        added=["NEW"],
    )
    path = changes.write_page(found, tmp_path / changes.CHANGES_PAGE, lang)
    with offline_page(browser, path) as (page, _):
        violations, passed = axe_violations(page)
    assert passed >= 5 and not violations, violations


def test_axe_core_reports_a_picture_without_alt_text_and_grey_on_grey(browser, tmp_path):
    page_path = tmp_path / "page.html"
    page_path.write_text(
        '<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body><main><h1>Kop</h1>'
        '<p style="color: #aaaaaa; background: #bbbbbb">grijs op grijs</p>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
        encoding="utf-8",
    )
    with offline_page(browser, page_path) as (page, _):
        violations, _ = axe_violations(page)
    assert sorted(line.split(" ")[0] for line in violations) == ["color-contrast", "image-alt"]


FAILED_ROW = """words => {
  const row = document.querySelector('tbody tr');
  row.className = 'failed';
  row.querySelector('td.links').innerHTML =
    `<strong class="failed-mark">${words.failed}</strong>: KeyError<br><a href="x.log">${words.log}</a>`;
  const note = document.createElement('p');
  note.className = 'failed-note';
  note.textContent = words.failed;
  document.querySelector('header').append(note);
}"""
"""A front page turned into that of a failed run: its first row marked as the template marks a failed
briefing, and the note above the table."""


def test_axe_core_finds_no_violation_on_the_front_page_of_a_failed_run(built, browser):
    lang, result = built
    template = (Path(export.TEMPLATES) / "index.html.j2").read_text(encoding="utf-8")
    assert all(name in template for name in ("'failed'", 'class="failed-mark"', 'class="failed-note"'))
    with offline_page(browser, result.out / "index.html") as (page, _):
        page.evaluate(
            FAILED_ROW, {"failed": text("pack.index.failed", lang), "log": text("pack.index.log", lang)}
        )
        violations, _ = axe_violations(page)
    assert not violations


def test_pages_ask_for_nothing_outside_the_pack(built, browser):
    _, result = built
    for path in pages(result):
        with offline_page(browser, path) as (_, requested):
            assert requested and requested[0] == path.as_uri()
            assert not [url for url in requested if outside(url, result.out)], path.name


def test_the_offline_check_sees_a_font_or_picture_from_elsewhere(browser, tmp_path):
    page_path = tmp_path / "page.html"
    page_path.write_text(
        '<!DOCTYPE html><html lang="nl"><head><title>t</title>'
        '<link rel="stylesheet" href="https://fonts.example.org/font.css"></head>'
        '<body><img src="https://example.org/logo.png" alt="logo"></body></html>',
        encoding="utf-8",
    )
    with offline_page(browser, page_path) as (_, requested):
        pass
    assert {url for url in requested if outside(url, tmp_path)} == {
        "https://fonts.example.org/font.css",
        "https://example.org/logo.png",
    }
    assert not outside(page_path.as_uri(), tmp_path)


FRONT_PAGE_LAYOUT = """() => {
  const lines = element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom))).size;
  };
  const scrolling = [...document.querySelectorAll('*')].filter(element =>
    element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible');
  return {
    width: document.documentElement.scrollWidth,
    scrolling: scrolling.map(element => element.tagName),
    tables: [...document.querySelectorAll('table')].map(table => ({
      right: table.getBoundingClientRect().right,
      headers: [...table.querySelectorAll('thead th')].map(th => [th.innerText, lines(th)]),
    })),
  };
}"""
"""Where the front page ends on the right, what scrolls sideways, and the lines of each column header."""


def test_the_front_page_fits_a_1280_pixel_window(built, browser):
    _, result = built
    with offline_page(browser, result.out / "index.html") as (page, _):
        layout = page.evaluate(FRONT_PAGE_LAYOUT)
    assert layout["width"] <= WINDOW["width"] and not layout["scrolling"], layout
    assert layout["tables"], layout
    for table in layout["tables"]:
        assert table["right"] <= WINDOW["width"] - SCROLL_BAR, table
        assert len(table["headers"]) == 9
        assert all(lines <= MAX_HEADER_LINES for _, lines in table["headers"]), table["headers"]
    for path in pages(result)[1:]:  # nor does a briefing scroll sideways
        with offline_page(browser, path) as (page, _):
            assert page.evaluate(FRONT_PAGE_LAYOUT)["width"] <= WINDOW["width"], path.name
