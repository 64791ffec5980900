"""From an executed briefing notebook to the pages of the board pack.

:class:`BriefingExporter` converts an executed notebook once to a
self-contained HTML page (no code, no prompts, figures embedded as base64
PNG) and renders that same HTML to PDF with WeasyPrint and the page's print
stylesheet: no LaTeX, no browser. :func:`tidy_notebook` removes what would
leak paths or change on every run from the notebook kept for audit, and
:func:`render_index` writes the pack's front page.

The heavy imports (nbconvert, WeasyPrint) happen inside the functions, so
importing this module costs nothing in a kernel.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

TEMPLATES = Path(__file__).with_name("templates")
"""The nbconvert template ``briefing`` and the Jinja templates of the pack."""

BRIEFING_TEMPLATE = "briefing"
HIDDEN_CELL_TAGS = ("parameters", "injected-parameters", "remove-cell")
"""Cells with these tags never reach the briefing page."""

PAPERMILL_RUN_KEYS = ("input_path", "output_path", "start_time", "end_time", "duration", "exception")
"""Notebook-level papermill metadata dropped from audit notebooks: absolute paths and timings."""


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

    def to_html(self, notebook: nbformat.NotebookNode, *, title: str, lang: str) -> str:
        """The briefing page of ``notebook``: one self-contained HTML document."""
        resources = {"briefing": {"title": title, "lang": lang}}
        body, _ = self.html.from_notebook_node(notebook, resources=resources)
        return body

    def warm_up(self) -> None:
        """Convert a one-line notebook to HTML and PDF once, so the first real briefing does not pay
        for loading templates, fonts and stylesheets (a worker does this while its first kernel starts)."""
        from weasyprint import HTML

        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("warm-up")])
        HTML(string=self.to_html(notebook, title="warm-up", lang="nl")).write_pdf()

    @staticmethod
    def to_pdf(html: str, path: str | Path) -> Path:
        """Render ``html`` (its print stylesheet included) to a PDF at ``path`` with WeasyPrint."""
        from weasyprint import HTML

        path = Path(path)
        HTML(string=html, base_url=str(path.parent)).write_pdf(path)
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
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    page = env.get_template("index.html.j2").render(**context)
    path = Path(path)
    path.write_text(page, encoding="utf-8")
    return path
