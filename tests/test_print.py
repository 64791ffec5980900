"""The briefings as printed: every PDF page rendered with poppler and checked for ink and text.

The Dutch pack of ``data/`` is built once (shared with the other pack tests, see
``pack_builds.py``); the English briefing of one service twice, with the same
``SOURCE_DATE_EPOCH``. Each page is rendered with ``pdftoppm`` and read with
``pdftotext``: at most eight pages, the briefing proper four, the annex on a
page of its own, no page but the last of each part less than half full, no table
split with fewer than three rows on a page, every page carries the footer (source, build date,
fingerprint of the data, version) and every section heading is somewhere.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import numpy as np
import pytest
from pack_builds import DATA, real_pack
from PIL import Image

from odsamen.analysis import shared
from odsamen.analysis.data import load_dataset
from odsamen.catalogue import text
from odsamen.publish import export, folders, pack

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("pdftoppm") and shutil.which("pdftotext") and shutil.which("pdfinfo")),
        reason="poppler-utils (pdftoppm, pdftotext, pdfinfo) is not installed; .ci/run installs it",
    ),
]

EPOCH = 1704585600
"""2024-01-07 00:00:00 UTC, the date of the report: the build date of the reproducible builds."""

PAGES = range(4, 9)
"""A briefing of four services: at most eight pages in all (issue 20)."""

MAIN_PAGES = 4
"""The briefing proper, before the annex, takes at most this many A4 pages."""

MIN_ROWS_ON_A_PAGE = 3
"""A table split over two pages leaves at least this many rows on each."""

DPI = 40
"""Resolution of the rendered pages: enough to see where the ink is."""

MIN_FILL = 1 / 2
"""Every page but the last is filled at least half way down its text area."""

MIN_INK_SHARE = 0.15
"""...and holds at least this share of the ink of the fullest page of its briefing."""

TOP_MARGIN_MM, BOTTOM_MARGIN_MM, PAGE_MM = 18, 20, 297
"""The page box of briefing.css: the footer lives in the bottom margin, outside the text area."""

SECTIONS = ("context", "standing", "cooperation", "partners", "forms", "annex")
"""Sections every briefing has; each ``<h2>`` of the HTML page must be printed, these and any other."""

ANNEX = ("definitions", "preferences", "partners_table", "caveats", "glossary", "appendix")
"""The sections of the annex (``<h3>``), each printed after the heading *Bijlage*."""


# --- rendering --------------------------------------------------------------------


def page_images(pdf: Path, dpi: int = DPI) -> list[np.ndarray]:
    """Every page of ``pdf`` as a greyscale array (0 black, 255 white)."""
    with tempfile.TemporaryDirectory(prefix="odsamen-pages-") as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{folder}/page"], check=True)
        files = sorted(Path(folder).glob("page-*.pgm"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))
        return [np.asarray(Image.open(path).convert("L")) for path in files]


def page_texts(pdf: Path) -> list[str]:
    """The text of every page of ``pdf`` (pdftotext separates pages with a form feed)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", "-isodates", str(pdf)], capture_output=True, text=True, check=True)
    return {key: value.strip() for key, value in (line.split(":", 1) for line in out.stdout.splitlines())}


def text_area(page: np.ndarray) -> np.ndarray:
    """The part of ``page`` between the top and bottom margins (the footer left out)."""
    per_mm = page.shape[0] / PAGE_MM
    return page[round(TOP_MARGIN_MM * per_mm) : round((PAGE_MM - BOTTOM_MARGIN_MM) * per_mm)]


def fill(page: np.ndarray) -> float:
    """How far down its text area ``page`` is used: the lowest inked row, 0 (empty) to 1 (full)."""
    area = text_area(page)
    rows = np.flatnonzero((area < 200).any(axis=1))
    return (rows[-1] + 1) / area.shape[0] if rows.size else 0.0


def ink(page: np.ndarray) -> float:
    """Share of non-white pixels in the text area of ``page``."""
    return float((text_area(page) < 200).mean())


def fullness(pdf: Path) -> list[tuple[float, float]]:
    """``(fill, ink share relative to the fullest page)`` per page of ``pdf``."""
    pages = page_images(pdf)
    inks = [ink(page) for page in pages]
    return [(fill(page), share / max(inks)) for page, share in zip(pages, inks, strict=True)]


def flat(words: str) -> str:
    """``words`` with all white space (line breaks of pdftotext included) as single spaces."""
    return " ".join(words.split())


# --- builds -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dutch(tmp_path_factory) -> pack.PackResult:
    result = real_pack(tmp_path_factory)
    assert result.ok, result.outcomes
    return result


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> list[Path]:
    """The English briefing of NHN, built twice with the same ``SOURCE_DATE_EPOCH``."""
    pdfs = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
        for k in range(2):
            out = tmp_path_factory.mktemp(f"english{k}") / "reports"
            result = pack.build_pack(DATA, out, services=["NHN"], jobs=1, lang="en", progress=io.StringIO())
            assert result.ok, result.outcomes
            pdfs.append(out / folders.BRIEFINGS / "NHN.pdf")
    return pdfs


def dutch_pdfs(result: pack.PackResult) -> list[Path]:
    return [result.out / folders.BRIEFINGS / f"{o.service}.pdf" for o in result.outcomes]


# --- tests ----------------------------------------------------------------------------


def test_page_counts_are_sane(dutch, english):
    for pdf in [*dutch_pdfs(dutch), english[0]]:
        assert len(page_texts(pdf)) in PAGES, pdf.name


def test_no_page_but_the_last_of_each_part_is_less_than_half_full(dutch, english):
    # The annex must open a new page (issue 20), so the last page of the briefing proper may be short,
    # like the last page of all; every other page is at least half full.
    for pdf in [*dutch_pdfs(dutch), english[0]]:
        annex = "Annex" if pdf in english else "Bijlage"
        texts = page_texts(pdf)
        ends = {len(texts)} | {
            k for k, page in enumerate(texts, start=1) if texts[k % len(texts)].lstrip().startswith(annex)
        }
        for number, (used, share) in enumerate(fullness(pdf), start=1):
            if number in ends:
                continue
            assert used >= MIN_FILL, f"{pdf.name} page {number}: text area {used:.0%} used"
            assert share >= MIN_INK_SHARE, f"{pdf.name} page {number}: {share:.0%} of the fullest page's ink"


def test_every_page_has_the_footer(dutch):
    fingerprint = shared.fingerprint(DATA)[: export.FINGERPRINT_LENGTH]
    source = "bron: zelfbeoordeling door de directeuren; Galan Groep, 7-1-2024"
    for pdf in dutch_pdfs(dutch):
        pages = page_texts(pdf)
        for number, page in enumerate(pages, start=1):
            words = flat(page)
            assert source in words, f"{pdf.name} page {number}"
            assert f"gegevens {fingerprint}" in words, f"{pdf.name} page {number}"
            assert f"odsamen {export.odsamen_version()}" in words, f"{pdf.name} page {number}"
            assert re.search(r"gemaakt \d{1,2}-\d{1,2}-\d{4}", words), f"{pdf.name} page {number}"
            assert re.search(rf"\b{number}\s*/\s*{len(pages)}\b", words), f"{pdf.name} page {number}"
    # The same fingerprint as the front page shows.
    index = (dutch.out / "index.html").read_text(encoding="utf-8")
    assert fingerprint in index


def headings(html: Path) -> dict[str, str]:
    """The ``<h2>`` of a briefing page: its id and its words."""
    found = re.findall(r'<h2[^>]*\bid="([^"]+)"[^>]*>(.*?)</h2>', html.read_text(encoding="utf-8"), re.S)
    return {key: flat(unescape(re.sub(r"<[^>]+>", "", words))) for key, words in found}


def test_the_briefing_proper_is_four_pages_and_the_annex_starts_a_new_page(dutch, english):
    for pdf in [*dutch_pdfs(dutch), english[0]]:
        annex = "Annex" if pdf in english else "Bijlage"
        pages = page_texts(pdf)
        starts = [number for number, page in enumerate(pages, start=1) if page.lstrip().startswith(annex)]
        assert len(starts) == 1, f"{pdf.name}: the annex heading does not open a page"
        assert starts[0] - 1 <= MAIN_PAGES, f"{pdf.name}: the briefing proper takes {starts[0] - 1} pages"


def test_page_one_answers_the_five_questions(dutch):
    for pdf in dutch_pdfs(dutch):
        first = flat(page_texts(pdf)[0])
        for question in ("standing", "partners", "cooperation", "forms", "sure"):
            words = text(f"briefing.question.{question}", "nl", service=pdf.stem)
            assert words in first, f"{pdf.name}: {words!r} not on page 1"
        # Each answer points to its basis, in print with the page number.
        assert len(re.findall(r"Meer hierover: ‘[^’]+’, pagina \d+", first)) == 5, first


def table_parts(pdf: Path) -> list[int]:
    """The body rows of each table part in the PDF's structure tree, in reading order: a table split
    over two pages is tagged as two tables (WeasyPrint), each holding its own rows."""
    import pikepdf

    def kids(node):
        if isinstance(node, pikepdf.Dictionary) and "/K" in node:
            k = node.K
            return list(k) if isinstance(k, pikepdf.Array) else [k]
        return list(node) if isinstance(node, pikepdf.Array) else []

    def walk(node):
        yield node
        for kid in kids(node):
            if isinstance(kid, (pikepdf.Dictionary, pikepdf.Array)):
                yield from walk(kid)

    def is_(node, tag):
        return isinstance(node, pikepdf.Dictionary) and node.get("/S") == tag

    parts = []
    with pikepdf.open(pdf) as document:
        for table in (n for n in walk(document.Root.StructTreeRoot) if is_(n, "/Table")):
            rows = [n for n in walk(table) if is_(n, "/TR")]
            parts.append(sum(not all(is_(cell, "/TH") for cell in kids(row)) for row in rows))
    return parts


def html_tables(html: Path) -> list[int]:
    """The body rows of each table of the HTML page, in document order."""
    page = html.read_text(encoding="utf-8")
    return [
        len(re.findall(r"<tr", re.search(r"<tbody>(.*?)</tbody>", table, re.S).group(1)))
        for table in re.findall(r"<table.*?</table>", page, re.S)
    ]


def split_tables(pdf: Path) -> list[list[int]]:
    """Per table of the page, the rows on each page it is printed on (one number if not split)."""
    parts, found = iter(table_parts(pdf)), []
    for rows in html_tables(pdf.with_suffix(".html")):
        pieces = [next(parts)]
        while sum(pieces) < rows:
            pieces.append(next(parts))
        assert sum(pieces) == rows, (pdf.name, rows, pieces)
        found.append(pieces)
    return found


def test_no_table_splits_with_fewer_than_three_rows_on_a_page(dutch, english):
    for pdf in [*dutch_pdfs(dutch), english[0]]:
        for pieces in split_tables(pdf):
            if len(pieces) > 1:
                assert min(pieces) >= MIN_ROWS_ON_A_PAGE, f"{pdf.name}: a table split as {pieces}"


def test_the_split_check_sees_a_split(dutch):
    # The preference table of 17 rows does not fit on one page: it is split, and the check sees it.
    pdf = dutch_pdfs(dutch)[0]
    assert any(len(pieces) > 1 for pieces in split_tables(pdf)), split_tables(pdf)


def test_every_section_heading_is_printed(dutch, english):
    for pdf in [*dutch_pdfs(dutch), english[0]]:
        sections = headings(pdf.with_suffix(".html"))
        assert set(SECTIONS) <= set(sections), pdf
        page = pdf.with_suffix(".html").read_text(encoding="utf-8")
        for section in ANNEX:
            assert f'<h3 id="{section}"' in page, (pdf, section)
        words = flat(" ".join(page_texts(pdf)))
        for key, heading in sections.items():
            assert heading in words, f"{pdf}: section {key} ({heading!r}) not printed"


def test_english_footer_and_metadata_follow_source_date_epoch(english):
    first = english[0]
    for page in page_texts(first):
        words = flat(page)
        assert "source: self-assessment by the directors; Galan Groep, 2024-01-07" in words
        assert "built 2024-01-07" in words
    info = pdf_info(first)
    name = load_dataset(DATA).service_name("NHN", "en")
    assert info["Title"] == text("briefing.title", "en", name=name)
    assert info["Subject"] == text(
        "export.subject", "en", service="NHN", region="Noord-Holland and Flevoland"
    )
    assert info["CreationDate"] == info["ModDate"] == "2024-01-07T00:00:00Z"


def test_builds_with_the_same_source_date_epoch_are_byte_identical(english):
    first, second = english
    assert first.read_bytes() == second.read_bytes()


def test_build_time_is_the_day_or_source_date_epoch():
    assert (
        export.build_time({"SOURCE_DATE_EPOCH": str(EPOCH + 3661)}).isoformat() == "2024-01-07T01:01:01+00:00"
    )
    today = export.build_time({})
    assert (today.hour, today.minute, today.second) == (0, 0, 0)
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        export.build_time({"SOURCE_DATE_EPOCH": "yesterday"})
