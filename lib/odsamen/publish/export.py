"""From an executed briefing notebook to the pages of the board pack.

:class:`BriefingExporter` converts an executed notebook once to a
self-contained HTML page (no code, no prompts, figures embedded as base64
PNG) and renders that same HTML to a tagged PDF (PDF/UA-1) with WeasyPrint
and the page's print stylesheet: no LaTeX, no browser. :func:`tidy_notebook` removes what would
leak paths or change on every run from the notebook kept for audit, and
:func:`render_index` writes the pack's front page.

The heavy imports (nbconvert, WeasyPrint) happen inside the functions, so
importing this module costs nothing in a kernel.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

if TYPE_CHECKING:
    import pandas as pd

TEMPLATES = Path(__file__).with_name("templates")
"""The nbconvert template ``briefing`` and the Jinja templates of the pack."""

BRIEFING_TEMPLATE = "briefing"
HIDDEN_CELL_TAGS = ("parameters", "injected-parameters", "remove-cell")
"""Cells with these tags never reach the briefing page."""

PAPERMILL_RUN_KEYS = ("input_path", "output_path", "start_time", "end_time", "duration", "exception")
"""Notebook-level papermill metadata dropped from audit notebooks: absolute paths and timings."""

PDF_VARIANT = "pdf/ua-1"
"""WeasyPrint's PDF/UA-1 (ISO 14289-1): a tagged PDF whose structure tree follows the HTML (headings,
lists, tables with their header cells, figures with the ``alt`` text of their image), with the page's
language and its title shown as the document's title. The running footer is left out of that tree."""

FINGERPRINT_LENGTH = 12
"""Hex digits of the data's fingerprint shown on every page, as on the front page."""


def build_time(environ: dict[str, str] | None = None) -> datetime:
    """When this build happened, in UTC: the day only (midnight), unless ``SOURCE_DATE_EPOCH`` is set.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970, see reproducible-builds.org)
    wins when it is set: the date on every page and the dates in the PDF's
    metadata are then the same in every build of the same sources, and two
    builds give the same bytes. Without it the day of the build counts, not the
    second, so builds of the same data on one day still give the same bytes.
    """
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError) as err:
            raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}") from err
    return datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def odsamen_version() -> str:
    """The installed odsamen's version (package metadata, else ``odsamen.__version__``)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("odsamen")
    except PackageNotFoundError:
        from odsamen import __version__

        return __version__


def data_folder(notebook: nbformat.NotebookNode, cwd: str | Path | None) -> Path | None:
    """The data folder an executed briefing read: its ``data_dir`` parameter (papermill's record) taken
    from ``cwd``, the folder it ran in; None when either is unknown."""
    parameters = notebook.metadata.get("papermill", {}).get("parameters", {})
    data_dir = parameters.get("data_dir")
    if cwd is None or not data_dir:
        return None
    return Path(cwd) / data_dir


@dataclass(frozen=True)
class Colophon:
    """What every page of a briefing says about where it comes from: build date, data, version, source.

    Rendered as a running footer on every PDF page and as a line at the top of the HTML page; the
    build date and the title also go into the PDF's metadata.
    """

    built: datetime
    fingerprint: str
    version: str
    lang: str
    source: str = ""
    """Where the scores come from (``export.source``, from the data's ``assessment.csv``)."""
    region: str = ""
    """The region of the assessment (``assessment.csv``), for the PDF's subject."""

    @classmethod
    def of(cls, folder: str | Path | None, lang: str, *, built: datetime | None = None) -> Colophon:
        """The colophon of a briefing on the data in ``folder`` (no fingerprint when it is None)."""
        from odsamen.analysis import shared

        known = folder is not None and Path(folder).is_dir()
        fingerprint = shared.fingerprint(folder)[:FINGERPRINT_LENGTH] if known else "?"
        from odsamen.analysis.data import fact_of, read_facts

        facts = read_facts(folder) if known else None
        source = source_line(facts, lang) if known else ""
        region = fact_of(facts, "region", lang) if known else ""
        return cls(built or build_time(), fingerprint, odsamen_version(), lang, source, region)

    @property
    def date(self) -> str:
        """The build date as the reader writes dates."""
        from odsamen.catalogue import text

        day = self.built.date()
        return text("export.date", self.lang, day=day.day, month=day.month, year=day.year)

    @property
    def created(self) -> str:
        """The build time for ``<meta name="dcterms.created">`` (W3C date-time, UTC)."""
        return self.built.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def line(self) -> str:
        """Source, build date, fingerprint of the data and version, in one line."""
        from odsamen.catalogue import text

        return text(
            "export.colophon",
            self.lang,
            source=self.source or text("export.source.unknown", self.lang),
            date=self.date,
            fingerprint=self.fingerprint,
            version=self.version,
        )


def source_line(facts: pd.DataFrame, lang: str) -> str:
    """``bron: zelfbeoordeling door de directeuren; Bureau, 7-1-2024``: who scored, and the source
    document's authors and date, from a data folder's ``assessment.csv`` (``facts``,
    :func:`odsamen.analysis.data.read_facts`)."""
    from odsamen.analysis.data import fact_of, source_date
    from odsamen.catalogue import text

    return text(
        "export.source",
        lang,
        scored_by=fact_of(facts, "scored_by", lang),
        authors=fact_of(facts, "authors", lang),
        date=source_date(facts, lang),
    )


class BriefingExporter:
    """Converts executed briefing notebooks to HTML and PDF; build one per process and reuse it."""

    def __init__(self):
        from nbconvert import HTMLExporter
        from nbconvert.preprocessors import TagRemovePreprocessor

        self.html = HTMLExporter(
            template_name=BRIEFING_TEMPLATE,
            extra_template_basedirs=[str(TEMPLATES)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
        )
        remover = TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_CELL_TAGS), enabled=True)
        self.html.register_preprocessor(remover, enabled=True)

    def to_html(
        self,
        notebook: nbformat.NotebookNode,
        *,
        title: str,
        lang: str,
        cwd: str | Path | None = None,
        built: datetime | None = None,
    ) -> str:
        """The briefing page of ``notebook``: one self-contained HTML document.

        ``cwd`` is the folder the notebook ran in: its ``data_dir`` is read from
        there for the fingerprint on every page. ``built`` defaults to
        :func:`build_time` (``SOURCE_DATE_EPOCH`` if set).
        """
        from odsamen.catalogue import text

        colophon = Colophon.of(data_folder(notebook, cwd), lang, built=built)
        service = notebook.metadata.get("papermill", {}).get("parameters", {}).get("service") or title
        resources = {
            "briefing": {
                "title": title,
                "lang": lang,
                "subject": text("export.subject", lang, service=service, region=colophon.region or "?"),
                "created": colophon.created,
                "colophon": colophon.line,
            }
        }
        body, _ = self.html.from_notebook_node(notebook, resources=resources)
        return body

    def warm_up(self) -> None:
        """Convert a one-line notebook to HTML and PDF once, so the first real briefing does not pay
        for loading templates, fonts and stylesheets (a worker does this while its first kernel starts)."""
        from weasyprint import HTML

        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("warm-up")])
        built = datetime(2024, 1, 7, tzinfo=UTC)  # no clock needed to warm up
        HTML(string=self.to_html(notebook, title="warm-up", lang="nl", built=built)).write_pdf(
            pdf_variant=PDF_VARIANT
        )

    @staticmethod
    def to_pdf(html: str, path: str | Path) -> Path:
        """Render ``html`` (its print stylesheet included) to a tagged PDF (:data:`PDF_VARIANT`) at
        ``path`` with WeasyPrint."""
        from weasyprint import HTML

        path = Path(path)
        HTML(string=html, base_url=str(path.parent)).write_pdf(path, pdf_variant=PDF_VARIANT)
        return path


_EXPORTER: BriefingExporter | None = None


def warm_exporter() -> BriefingExporter:
    """This process's :class:`BriefingExporter`, made and warmed up on first use.

    The pack's parent process calls it before it forks its workers: nbconvert,
    WeasyPrint and their start-up work (about 2 CPU seconds, mostly imports)
    are then done once and inherited by every worker, not repeated in each.
    """
    global _EXPORTER
    if _EXPORTER is None:
        exporter = BriefingExporter()
        exporter.warm_up()
        _EXPORTER = exporter
    return _EXPORTER


def tidy_notebook(notebook: nbformat.NotebookNode, *, keep_images: bool = True) -> nbformat.NotebookNode:
    """``notebook`` without absolute paths, timings or (optionally) images, ready to keep.

    Papermill records the input and output paths and start and end times;
    nbclient records execution timestamps per cell. None of it is needed to
    audit or re-run a briefing, and paths would expose the build machine.
    ``keep_images=False`` drops PNG outputs (nbval does not compare them),
    for the reference notebooks kept in the repository.
    """
    papermill = notebook.metadata.get("papermill", {})
    for key in PAPERMILL_RUN_KEYS:
        papermill.pop(key, None)
    for cell in notebook.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if not keep_images and cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("data", {}).pop("image/png", None)
                output.get("metadata", {}).pop("image/png", None)
    return notebook


def render_index(context: dict, path: str | Path) -> Path:
    """Write the board pack's front page from ``templates/index.html.j2`` (autoescaped) to ``path``."""
    return render_page("index.html.j2", context, path)


def render_page(template: str, context: dict, path: str | Path) -> Path:
    """Write a page of the pack from the Jinja template ``template`` (autoescaped) to ``path``."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    page = env.get_template(template).render(**context)
    path = Path(path)
    path.write_text(page, encoding="utf-8")
    return path
