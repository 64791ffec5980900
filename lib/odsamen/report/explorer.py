"""The explorer: every reading, measure and coalition one click away (``notebooks/00-explorer.ipynb``).

The notebook only wires ipywidgets to :class:`Explorer`; everything it shows
is computed here, from the library, and can be tested without widgets::

    explorer = Explorer(load_dataset("data"))
    outputs = explorer.view(service="ODA", lens="joint_agenda", advisor="exclude")
    outputs["partners"]          # HTML: the partner ranking, close calls marked

:meth:`Explorer.view` returns one HTML fragment per output (:data:`OUTPUTS`),
in the reader's language (:func:`odsamen.catalogue.text`):

``header``
    Title, what the page does, and the reading in words.
``outline``
    A style sheet that outlines the chosen service on the score pictures and
    the chosen coalition on the coalition chart.
``scores``
    The report's score tables as pictures (:func:`odsamen.report.plots.score_heatmap`)
    for the chosen items.
``profile``
    Each service's mean score (:func:`odsamen.analysis.affinity.service_profile`): the
    one output the reading of ``?`` changes, as the lenses and coalitions read
    ``?`` as undetermined under both readings.
``pairs``
    Every pair's value under the chosen lens with the number of items behind
    it (the cell texts of :func:`odsamen.report.plots.basis_annotations`, coloured
    with the same colour map as :func:`odsamen.report.plots.affinity_heatmap`); a
    hover over a cell lists the items.
``pair_items``
    The items behind one chosen pair: counted, determined but not counted,
    and undetermined.
``partners``
    The chosen service's partners under the chosen reading, best first
    (:func:`odsamen.analysis.affinity.partners_of`), with the best partner and the close
    calls of :func:`odsamen.analysis.affinity.partner_verdict` marked.
``verdicts``
    Every coalition and form of cooperation with its verdict
    (:func:`odsamen.analysis.coalitions.scenario_verdicts`), the chosen coalition
    outlined, and below it that coalition's reasons beside the report's advice
    (:func:`odsamen.analysis.evidence.advice_comparison`).
``coalition_chart``
    Per coalition and item: joint agenda, exchange item or neither
    (:func:`odsamen.report.plots.coalition_item_chart`).

Speed: every piece is cached per instance with :func:`functools.lru_cache`
on exactly the arguments it depends on, so a click recomputes only what it
changes. Pictures are drawn without the chosen service or coalition and
outlined by an HTML overlay placed from the figure's own coordinates, shown by
the small ``outline`` style sheet: choosing another service or coalition never
redraws a picture (drawing one takes a few tenths of a second) nor sends it to
the browser again. :meth:`Explorer.warm` draws the pictures and
computes every reading up front.
"""

from __future__ import annotations

import base64
import functools
import html
import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from odsamen.analysis import affinity, evidence
from odsamen.analysis import coalitions as co
from odsamen.analysis.data import Dataset
from odsamen.analysis.scoring import (
    ADVISOR_READINGS,
    DEFAULT_ADVISOR,
    DEFAULT_LEVELS,
    DEFAULT_UNKNOWN,
    LEVEL_READINGS,
    READINGS,
    UNKNOWN_READINGS,
    Reading,
)
from odsamen.catalogue import LANGUAGES, check_language, format_number, join_words, text
from odsamen.report import plots, style

DIMENSION_CHOICES = ("all", "robustness", "task")
"""The items the lenses, partners and score tables run over: all items, the robustness criteria or
the future tasks. (The forms of cooperation keep the scope ``scenarios.csv`` gives them.)"""
MEASURES = ("meets", "added_value")
CONTROLS = ("service", "lens", "unknown", "advisor", "levels", "dimension", "coalition", "pair", "lang")
"""The choices :meth:`Explorer.view` takes, in the order the notebook shows its controls."""
OUTPUTS = (
    "header",
    "outline",
    "scores",
    "profile",
    "pairs",
    "pair_items",
    "partners",
    "verdicts",
    "coalition_chart",
)
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
"""Each language in its own words, for the language control."""
IMAGE_DPI = 80
"""Resolution of the pictures on screen, as in the analysis notebooks."""
VERDICT_COLOURS = {
    "fits": "#5e3c99",
    "partly": "#b2abd2",
    "does_not_fit": "#fdb863",
    "undetermined": "#e5e5e5",
}
"""Cell colours of the verdicts: the purples of the positive scores for a fit, the light orange of a
negative score for no fit, the grey of an unknown for undetermined."""
OUTLINE = f"3px solid {style.HIGHLIGHT_COLOUR}"


@dataclass(frozen=True)
class Picture:
    """A figure as PNG bytes, and where each of its rows is, as fractions of the image
    (``left, top, width, height``, from the top-left corner) for an outline drawn over it."""

    png: bytes
    width: int
    height: int
    rows: dict[str, tuple[float, float, float, float]]

    def html(self, *, name: str = "") -> str:
        """The picture as an ``<img>`` with an outline over every row, hidden: the ``outline`` output of
        :meth:`Explorer.view` shows the chosen one, so choosing another never resends the picture."""
        source = "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")
        boxes = "".join(
            f'<div class="odx-outline" data-outline="{html.escape(key)}" style="display:none;'
            f"position:absolute;left:{100 * left:.3f}%;top:{100 * top:.3f}%;width:{100 * width:.3f}%;"
            f'height:{100 * height:.3f}%;outline:{OUTLINE};pointer-events:none"></div>'
            for key, (left, top, width, height) in self.rows.items()
        )
        return (
            f'<div class="odx-picture" data-picture="{html.escape(name)}" style="position:relative;'
            f'display:inline-block;max-width:100%;margin:0 12px 12px 0;line-height:0">'
            f'<img src="{source}" alt="{html.escape(name)}" style="max-width:100%;width:{self.width}px">'
            f"{boxes}</div>"
        )


def render(draw: Callable[[], object], rows: Callable[[object], dict]) -> Picture:
    """Draw a library figure and keep it as a :class:`Picture`.

    ``draw()`` calls a plotting function of :mod:`odsamen.report.plots` with no Axes
    (it sizes a fresh figure itself) and returns its Axes; ``rows(ax)`` maps
    a key to the data rectangle ``(x0, y0, x1, y1)`` of each row that may be
    outlined. The figure is saved as the notebooks show it
    (``bbox_inches="tight"``); each row is measured while that very image is
    drawn, so an outline lands where the library's own ``highlight`` would.
    """
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    with mpl.rc_context(style.STYLE_RC):
        figure = plt.figure()
        try:
            ax = draw()
            figure = ax.figure
            recorder = _Recorder(rows(ax))
            ax.add_artist(recorder)
            buffer = io.BytesIO()
            figure.savefig(
                buffer, format="png", dpi=IMAGE_DPI, bbox_inches="tight", metadata={"Software": None}
            )
        finally:
            plt.close(figure)
    width, height = recorder.size
    boxes = {}
    for key, ((x0, y0), (x1, y1)) in recorder.corners.items():
        left, right = sorted((x0, x1))
        bottom, top = sorted((y0, y1))
        boxes[key] = (left / width, (height - top) / height, (right - left) / width, (top - bottom) / height)
    return Picture(buffer.getvalue(), round(width), round(height), boxes)


def _recorder_class():
    from matplotlib.artist import Artist

    class Recorder(Artist):
        """An invisible artist that notes, each time the figure is drawn, where the given data
        rectangles are in pixels of that drawing (the last drawing is the saved image)."""

        def __init__(self, rectangles: dict):
            super().__init__()
            self.rectangles = rectangles
            self.corners: dict = {}
            self.size = (1.0, 1.0)
            self.set_in_layout(False)  # no part of the tight bounding box

        def draw(self, renderer) -> None:
            transform = self.axes.transData
            self.corners = {
                key: transform.transform([rect[:2], rect[2:]]) for key, rect in self.rectangles.items()
            }
            self.size = renderer.get_canvas_width_height()

    return Recorder


def _Recorder(rectangles: dict):  # noqa: N802 - builds the artist class on first use: matplotlib loads late
    return _recorder_class()(rectangles)


def _e(value: object) -> str:
    return html.escape(str(value))


def _table(
    headings: list[str], rows: list[list[str]], *, name: str, row_attrs: list[str] | None = None
) -> str:
    """An HTML table; cells are HTML already (escape them first)."""
    cell = "padding:3px 8px;border-bottom:1px solid #e0e0e0;text-align:left;vertical-align:top"
    head = "".join(f'<th style="{cell}">{h}</th>' for h in headings)
    body = "".join(
        f"<tr {(row_attrs or [''] * len(rows))[k]}>"
        + "".join(f'<td style="{cell}">{c}</td>' for c in row)
        + "</tr>"
        for k, row in enumerate(rows)
    )
    return f'<table class="odx-{name}" style="border-collapse:collapse"><tr>{head}</tr>{body}</table>'


def _section(title: str, body: str, *, name: str) -> str:
    return f'<div class="odx-section odx-{name}-section"><h3>{_e(title)}</h3>{body}</div>'


class Explorer:
    """Every output of the explorer for one data set, cached per choice (see the module docstring).

    ``data`` is a loaded :class:`~odsamen.analysis.data.Dataset`. Each cache belongs to
    this instance and holds at most a few hundred entries (the choices
    multiply to that), so none is bounded.
    """

    def __init__(self, data: Dataset):
        self.data = data
        self.keys = co.coalitions(data)
        self.pairs = [key for key in self.keys if len(co.members(key)) == 2]
        for name in (
            "lenses",
            "partner_verdict",
            "scenario_table",
            "advice_table",
            "profile_table",
            "score_picture",
            "coalition_picture",
            "header_html",
            "outline_html",
            "scores_html",
            "profile_html",
            "pairs_html",
            "pair_items_html",
            "partners_html",
            "verdicts_html",
            "coalition_chart_html",
        ):
            setattr(self, name, functools.lru_cache(maxsize=None)(getattr(self, name)))

    # --- choices ------------------------------------------------------------------

    def defaults(self) -> dict[str, str]:
        """The first view: the first service, the headline lens, the default reading, all items, the
        first coalition and the first pair of the first service, in Dutch."""
        service = self.data.service_codes[0]
        return {
            "service": service,
            "lens": affinity.HEADLINE_LENS,
            "unknown": DEFAULT_UNKNOWN,
            "advisor": DEFAULT_ADVISOR,
            "levels": DEFAULT_LEVELS,
            "dimension": "all",
            "coalition": self.keys[0],
            "pair": self.default_pair(service),
            "lang": "nl",
        }

    def default_pair(self, service: str) -> str:
        """The first pair (codebook order) that ``service`` is in."""
        return next(key for key in self.pairs if service in co.members(key))

    def label(self, control: str, lang: str = "nl") -> str:
        """The name of a control (one of :data:`CONTROLS`) in ``lang``."""
        if control not in CONTROLS:
            raise ValueError(f"unknown control {control!r}; expected one of {', '.join(CONTROLS)}")
        return text(f"explorer.control.{control}", lang)

    def options(self, control: str, lang: str = "nl") -> list[tuple[str, str]]:
        """The choices of a control as ``(label, value)`` pairs, labels in ``lang``."""
        self.label(control, lang)
        if control == "service":
            return [(code, code) for code in self.data.service_codes]
        if control == "lens":
            return [(affinity.lens_label(lens, lang), lens) for lens in affinity.LENSES]
        if control in ("unknown", "advisor", "levels"):
            values = {"unknown": UNKNOWN_READINGS, "advisor": ADVISOR_READINGS, "levels": LEVEL_READINGS}
            return [(text(f"affinity.reading.{control}.{v}", lang), v) for v in values[control]]
        if control == "dimension":
            return [(self._dimension_label(d, lang), d) for d in DIMENSION_CHOICES]
        if control == "coalition":
            return [(co.coalition_label(key, lang), key) for key in self.keys]
        if control == "pair":
            return [(co.coalition_label(key, lang), key) for key in self.pairs]
        return [(LANGUAGE_NAMES[code], code) for code in LANGUAGES]

    @staticmethod
    def _dimension_label(dimension: str, lang: str) -> str:
        return text("explorer.dimension.all" if dimension == "all" else f"dimension.{dimension}", lang)

    def _check(self, **choices: str) -> None:
        for control, value in choices.items():
            allowed = [v for _, v in self.options(control)]
            if value not in allowed:
                raise ValueError(f"unknown {control} {value!r}; expected one of {', '.join(allowed)}")

    # --- the view -------------------------------------------------------------------

    def view(
        self,
        service: str | None = None,
        lens: str = affinity.HEADLINE_LENS,
        unknown: str = DEFAULT_UNKNOWN,
        advisor: str = DEFAULT_ADVISOR,
        levels: str = DEFAULT_LEVELS,
        dimension: str = "all",
        coalition: str | None = None,
        lang: str = "nl",
        pair: str | None = None,
    ) -> dict[str, str]:
        """Every output (:data:`OUTPUTS`) for one set of choices, as HTML fragments.

        ``dimension`` is one of :data:`DIMENSION_CHOICES`; ``coalition`` a key of
        :func:`odsamen.analysis.coalitions.coalitions` (default the first); ``pair`` a
        two-service key such as ``"ODA+ODB"`` (default the first pair of
        ``service``). Raises ``ValueError`` for a choice that is not on offer.
        """
        service = service or self.data.service_codes[0]
        coalition = coalition or self.keys[0]
        check_language(lang)
        self._check(service=service, lens=lens, dimension=dimension, coalition=coalition)
        pair = pair or self.default_pair(service)
        self._check(pair=pair)
        reading = Reading(unknown, advisor, levels)
        return {
            "header": self.header_html(reading, lang),
            "outline": self.outline_html(service, coalition),
            "scores": self.scores_html(dimension, lang),
            "profile": self.profile_html(service, dimension, unknown, advisor, lang),
            "pairs": self.pairs_html(lens, reading, dimension, service, lang),
            "pair_items": self.pair_items_html(pair, lens, reading, dimension, lang),
            "partners": self.partners_html(service, lens, reading, dimension, lang),
            "verdicts": self.verdicts_html(coalition, advisor, lang),
            "coalition_chart": self.coalition_chart_html(advisor, lang),
        }

    def warm(self, langs: tuple[str, ...] = LANGUAGES) -> None:
        """Compute up front what a click should not wait for: every reading's lenses for every choice
        of items (the partner verdicts read them all), the verdicts of the forms and every picture,
        in ``langs``."""
        for dimension in DIMENSION_CHOICES:
            for reading in READINGS:
                self.lenses(reading, dimension)
        for lang in langs:
            for dimension in ("robustness", "task"):
                for measure in MEASURES:
                    self.score_picture(dimension, measure, lang)
            for advisor in ADVISOR_READINGS:
                self.advice_table(advisor, lang)
                self.coalition_picture(advisor, lang)

    # --- computed pieces (cached in __init__) ----------------------------------------------------

    @staticmethod
    def _scope(dimension: str) -> str | None:
        return None if dimension == "all" else dimension

    def lenses(self, reading: Reading, dimension: str) -> dict[str, affinity.Lens]:
        """:func:`odsamen.analysis.affinity.compute_all` for one reading and choice of items."""
        return affinity.compute_all(self.data, reading, self._scope(dimension))

    def partner_verdict(self, service: str, lens: str, dimension: str) -> affinity.PartnerVerdict:
        """:func:`odsamen.analysis.affinity.partner_verdict`, over every reading (each computed once)."""
        computed = {reading: self.lenses(reading, dimension) for reading in READINGS}
        return affinity.partner_verdict(
            self.data, service, lens=lens, dimension=self._scope(dimension), computed=computed
        )

    @staticmethod
    def coalition_reading(advisor: str) -> Reading:
        """The reading the coalitions are computed under. Of the three switches only ``advisor`` can
        change a coalition's facts (:func:`odsamen.analysis.coalitions.other_advisor_reading`; checked in
        ``tests/test_explorer.py``), so the other two do not redraw the coalition outputs."""
        return Reading(advisor=advisor)

    def scenario_table(self, advisor: str, lang: str) -> pd.DataFrame:
        return co.scenario_verdicts(self.data, self.keys, self.coalition_reading(advisor), lang=lang)

    def advice_table(self, advisor: str, lang: str) -> pd.DataFrame:
        reading = self.coalition_reading(advisor)
        return evidence.advice_comparison(
            self.data, self.scenario_table(advisor, lang), lang=lang, reading=reading
        )

    def profile_table(self, unknown: str, advisor: str) -> pd.DataFrame:
        return affinity.service_profile(self.data, unknown=unknown, advisor=advisor)

    def score_picture(self, dimension: str, measure: str, lang: str) -> Picture:
        """:func:`odsamen.report.plots.score_heatmap`, each service's row ready to be outlined."""
        codes = self.data.service_codes
        n_items = len(self.data.item_codes(dimension))
        return render(
            lambda: plots.score_heatmap(self.data, dimension=dimension, measure=measure, lang=lang),
            lambda ax: {code: (0, row, n_items, row + 1) for row, code in enumerate(codes)},
        )

    def coalition_picture(self, advisor: str, lang: str) -> Picture:
        """:func:`~odsamen.report.plots.coalition_item_chart` of every coalition, rows ready to outline."""
        n_items = len(self.data.items)
        return render(
            lambda: plots.coalition_item_chart(
                self.data, self.keys, self.coalition_reading(advisor), lang=lang
            ),
            lambda ax: {key: (0, row, n_items, row + 1) for row, key in enumerate(self.keys)},
        )

    # --- HTML (cached in __init__) ----------------------------------------------------------------

    def header_html(self, reading: Reading, lang: str) -> str:
        words = "; ".join(
            text(f"affinity.reading.{switch}.{getattr(reading, switch)}", lang)
            for switch in ("unknown", "advisor", "levels")
        )
        return (
            f'<div class="odx-header"><h2>{_e(text("explorer.title", lang))}</h2>'
            f"<p>{_e(text('explorer.intro', lang))}</p>"
            f'<p class="odx-reading"><b>{_e(text("explorer.reading", lang))}</b> {_e(words)}.</p></div>'
        )

    def _dimensions(self, dimension: str) -> tuple[str, ...]:
        return ("robustness", "task") if dimension == "all" else (dimension,)

    @staticmethod
    def outline_html(service: str, coalition: str) -> str:
        """A style sheet that shows the outline of ``service`` on the score pictures and of
        ``coalition`` on the coalition chart (:meth:`Picture.html` draws them all, hidden)."""
        return (
            '<style class="odx-outline-style">'
            f'.odx-scores-section .odx-outline[data-outline="{_e(service)}"],'
            f' .odx-coalition-chart-section .odx-outline[data-outline="{_e(coalition)}"]'
            "{display:block !important}</style>"
        )

    def scores_html(self, dimension: str, lang: str) -> str:
        pictures = "".join(
            self.score_picture(d, measure, lang).html(name=f"scores:{d}:{measure}")
            for d in self._dimensions(dimension)
            for measure in MEASURES
        )
        return _section(text("explorer.section.scores", lang), pictures, name="scores")

    def profile_html(self, service: str, dimension: str, unknown: str, advisor: str, lang: str) -> str:
        profile = self.profile_table(unknown, advisor)
        codes = self.data.service_codes
        rows, attrs, blank = [], [], []
        for d in self._dimensions(dimension):
            for measure in MEASURES:
                part = profile[(profile["dimension"] == d) & (profile["measure"] == measure)]
                part = part.set_index("service")
                cells = [
                    _e(
                        text(
                            "plots.profile.group",
                            lang,
                            dimension=text(f"dimension.{d}", lang),
                            measure=text(f"measure.{measure}.short", lang),
                        )
                    )
                ]
                for code in codes:
                    if code not in part.index:  # no score to average: none left under this reading
                        cells.append(f'<span data-service="{_e(code)}">–</span>')
                        blank.append(code)
                        continue
                    row = part.loc[code]
                    mean = _e(format_number(row["mean_score"], lang, 2))
                    tip = _e(
                        text(
                            "explorer.profile.basis",
                            lang,
                            known=int(row["n_known"]),
                            unknown=int(row["n_unknown"]),
                        )
                    )
                    value = f'<span title="{tip}" data-service="{_e(code)}">{mean}</span>'
                    cells.append(f"<b>{value}</b>" if code == service else value)
                rows.append(cells)
                attrs.append(f'data-group="{d}:{measure}"')
        headings = [""] + [f"<b>{_e(c)}</b>" if c == service else _e(c) for c in codes]
        body = (
            _table(headings, rows, name="profile", row_attrs=attrs)
            + f'<p style="font-size:90%">{_e(text("explorer.profile.note", lang))} '
            f"{_e(text(f'unknown.{unknown}', lang))}.</p>"
        )
        if blank:
            key = "explorer.profile.blank.advisor" if advisor != DEFAULT_ADVISOR else "explorer.profile.blank"
            services = join_words(list(dict.fromkeys(blank)), lang)
            body += f'<p style="font-size:90%">{_e(text(key, lang, services=services))}</p>'
        return _section(text("explorer.section.profile", lang), body, name="profile")

    def _labels(self, items: list[str], advisor_items: list[str], lang: str) -> str:
        mark = text("affinity.advisor_mark", lang)
        return ", ".join(
            self.data.item_label(item, lang) + (f" {mark}" if item in advisor_items else "") for item in items
        )

    def pairs_html(self, lens: str, reading: Reading, dimension: str, service: str, lang: str) -> str:
        import matplotlib as mpl

        part = self.lenses(reading, dimension)[lens]
        codes = part.codes
        share = part.frame(part.share)
        basis = part.frame(part.n_items.astype(float))
        counts = part.frame() if lens in affinity.COUNT_LENSES else None
        low = part.frame(part.low_evidence)
        texts = plots.basis_annotations(share, basis, counts=counts, low_evidence=low, lang=lang)
        colours = mpl.colormaps[style.SEQUENTIAL_CMAP]
        values = share.to_numpy(dtype=float)
        finite = values[np.isfinite(values)]
        low_end, high_end = (finite.min(), finite.max()) if finite.size else (0.0, 1.0)
        span = high_end - low_end or 1.0
        chosen = codes.index(service)
        cell = "width:78px;height:44px;text-align:center;vertical-align:middle;border:1px solid #ffffff"
        bold = f";font-weight:bold;border-bottom:{OUTLINE}"
        head = "".join(
            f'<th style="padding:2px 6px{bold if j == chosen else ""}">{_e(code)}</th>'
            for j, code in enumerate(codes)
        )
        body = []
        for i, a in enumerate(codes):
            name = f"<b>{_e(a)}</b>" if i == chosen else _e(a)
            heading = f'<th style="padding:2px 6px;text-align:right">{name}</th>'
            cells = []
            for j, b in enumerate(codes):
                outline = (
                    ";outline:2px solid #000000;outline-offset:-2px" if chosen in (i, j) and i != j else ""
                )
                if np.isnan(values[i, j]):
                    cells.append(f'<td style="{cell};background:#ffffff{outline}"></td>')
                    continue
                face = mpl.colors.to_hex(colours((values[i, j] - low_end) / span))
                ink = style.text_colour_on(face)
                items = [part.items[k] for k in np.flatnonzero(part.evidence[i, j])]
                by_advisor = [part.items[k] for k in np.flatnonzero(part.advisor[i, j])]
                tip = text(
                    "explorer.pairs.tip",
                    lang,
                    a=a,
                    b=b,
                    basis=affinity.basis_text(part.value[i, j], part.n_items[i, j], lens, lang),
                    items=self._labels(items, by_advisor, lang) or "–",
                )
                shown = "<br>".join(_e(line) for line in str(texts[i, j]).split("\n"))
                cells.append(
                    f'<td class="odx-pair" data-pair="{_e(a)}+{_e(b)}" title="{_e(tip)}" '
                    f'style="{cell};background:{face};color:{ink}{outline}">{shown}</td>'
                )
            body.append(f"<tr>{heading}{''.join(cells)}</tr>")
        notes = [text("plots.basis.counts" if counts is not None else "plots.basis.items", lang)]
        if part.low_evidence[~np.eye(len(codes), dtype=bool)].any():
            notes.append(text("plots.basis.low_evidence", lang))
        notes.append(text("explorer.pairs.hover", lang))
        html_table = (
            f'<table class="odx-pairs" style="border-collapse:collapse"><tr><th></th>{head}</tr>'
            f"{''.join(body)}</table>"
        )
        words = (
            f"<p>{_e(affinity.lens_definition(self.data, lens, lang=lang))}</p>{html_table}"
            f'<p style="font-size:90%">{"<br>".join(_e(note) for note in notes)}</p>'
        )
        return _section(
            text("explorer.section.pairs", lang, lens=affinity.lens_label(lens, lang)), words, name="pairs"
        )

    def pair_items_html(self, pair: str, lens: str, reading: Reading, dimension: str, lang: str) -> str:
        part = self.lenses(reading, dimension)[lens]
        a, b = co.members(pair)
        i, j = part.codes.index(a), part.codes.index(b)
        counted = [part.items[k] for k in np.flatnonzero(part.evidence[i, j])]
        by_advisor = [part.items[k] for k in np.flatnonzero(part.advisor[i, j])]
        determined = [part.items[k] for k in np.flatnonzero(part.basis[i, j]) if part.items[k] not in counted]
        open_ = [part.items[k] for k in np.flatnonzero(~part.basis[i, j])]
        groups = (
            ("counted", counted, self._labels(counted, by_advisor, lang)),
            ("not_counted", determined, self._labels(determined, [], lang)),
            ("undetermined", open_, self._labels(open_, [], lang)),
        )
        items = "".join(
            f'<li data-group="{kind}"><b>{_e(text(f"explorer.pair.{kind}", lang, n=len(keys)))}</b> '
            f"{_e(words or '–')}</li>"
            for kind, keys, words in groups
        )
        value = affinity.basis_text(part.value[i, j], part.n_items[i, j], lens, lang)
        body = (
            f'<p class="odx-pair-value"><b>{_e(affinity.lens_label(lens, lang))}:</b> {_e(value)}</p>'
            f'<ul class="odx-pair-items">{items}</ul>'
        )
        if by_advisor:
            body += f'<p style="font-size:90%">{_e(text("affinity.note.advisor", lang))}</p>'
        title = text("explorer.section.pair_items", lang, pair=co.coalition_label(pair, lang))
        return _section(title, body, name="pair-items")

    def partners_html(self, service: str, lens: str, reading: Reading, dimension: str, lang: str) -> str:
        from odsamen.report.briefing import close_reason, verdict_words

        part = self.lenses(reading, dimension)[lens]
        ranking = affinity.partners_of(part, part.codes.index(service))
        found = self.partner_verdict(service, lens, dimension)
        rows, attrs = [], []
        for row in ranking.itertuples(index=False):
            notes = []
            if found.best == row.partner:
                notes.append(text("explorer.partners.best", lang))
            elif row.partner in found.close:
                reason = text(f"briefing.partners.note.{close_reason(found)}", lang)
                notes.append(text("explorer.partners.close", lang, reason=reason))
            if row.low_evidence and not np.isnan(row.value):
                notes.append(text("affinity.note.low_evidence", lang))
            rank = "" if pd.isna(row.rank) else str(int(row.rank))
            share = "" if np.isnan(row.share) else format_number(row.share, lang, 2)
            rows.append(
                [
                    _e(rank),
                    f"<b>{_e(row.partner)}</b>",
                    _e(affinity.basis_text(row.value, row.n_items, lens, lang)),
                    _e(share),
                    _e(self._labels(list(row.items), list(row.advisor_items), lang)),
                    _e("; ".join(notes)),
                ]
            )
            close = "close" if row.partner in found.close else ""
            mark = "best" if found.best == row.partner else close
            attrs.append(f'data-partner="{_e(row.partner)}" data-mark="{mark}"')
        headings = [
            _e(text("explorer.column.rank", lang)),
            _e(text("affinity.column.service_b", lang)),
            _e(text("affinity.column.value", lang)),
            _e(text("affinity.column.share", lang)),
            _e(text("affinity.column.items", lang)),
            _e(text("affinity.column.note", lang)),
        ]
        verdict = text("explorer.partners.verdict", lang, verdict=verdict_words(self.data, found, lang))
        body = f'<p class="odx-partner-verdict">{_e(verdict)}</p>' + _table(
            headings, rows, name="partners", row_attrs=attrs
        )
        title = text("explorer.section.partners", lang, service=service, lens=affinity.lens_label(lens, lang))
        return _section(title, body, name="partners")

    def verdicts_html(self, coalition: str, advisor: str, lang: str) -> str:
        table = self.scenario_table(advisor, lang)
        forms = list(self.data.scenarios["scenario"].astype(str))
        found = table.set_index(["coalition", "scenario"])
        cell = "padding:3px 8px;border:1px solid #ffffff;text-align:center"
        head = "".join(
            f'<th style="padding:3px 8px">{_e(co.scenario_label(self.data, f, lang))}</th>' for f in forms
        )
        body = []
        for key in self.keys:
            chosen = key == coalition
            cells = []
            for form in forms:
                row = found.loc[(key, form)]
                face = VERDICT_COLOURS[row["verdict"]]
                cells.append(
                    f'<td class="odx-verdict" data-coalition="{_e(key)}" data-scenario="{_e(form)}" '
                    f'data-verdict="{row["verdict"]}" title="{_e(row["reason"])}" '
                    f'style="{cell};background:{face};color:{style.text_colour_on(face)}">'
                    f"{_e(co.verdict_label(row['verdict'], lang))}</td>"
                )
            label = f"<b>{_e(key)}</b>" if chosen else _e(key)
            outline = f' style="outline:{OUTLINE};outline-offset:-1px"' if chosen else ""
            body.append(
                f'<tr data-coalition="{_e(key)}"{outline}><th style="padding:3px 8px;text-align:left">'
                f"{label}</th>{''.join(cells)}</tr>"
            )
        grid = (
            f'<table class="odx-verdicts" style="border-collapse:collapse"><tr><th></th>{head}</tr>'
            f"{''.join(body)}</table>"
        )
        advice = self.advice_table(advisor, lang)
        advice = advice[advice["coalition"] == coalition].set_index("scenario")
        rows, attrs = [], []
        for form in forms:
            row = found.loc[(coalition, form)]
            report = ""
            if form in advice.index:
                said = advice.loc[form]
                report = text(
                    "explorer.coalition.advice",
                    lang,
                    stance=co.stance_label(said["stance"], lang),
                    where=said["where"],
                    evidence=evidence.evidence_label(said["evidence"], lang),
                    reason=said["reason"],
                )
            rows.append(
                [
                    _e(co.scenario_label(self.data, form, lang)),
                    f"<b>{_e(co.verdict_label(row['verdict'], lang))}</b>",
                    _e(row["reason"]),
                    _e(report),
                ]
            )
            attrs.append(f'data-scenario="{_e(form)}" data-verdict="{row["verdict"]}"')
        headings = [
            _e(text(f"explorer.column.{name}", lang)) for name in ("form", "verdict", "reason", "advice")
        ]
        title = text("explorer.section.coalition", lang, coalition=co.coalition_label(coalition, lang))
        details = f"<h4>{_e(title)}</h4>" + _table(headings, rows, name="coalition", row_attrs=attrs)
        note = f'<p style="font-size:90%">{_e(text("explorer.verdicts.note", lang))}</p>'
        return _section(text("explorer.section.verdicts", lang), grid + note + details, name="verdicts")

    def coalition_chart_html(self, advisor: str, lang: str) -> str:
        picture = self.coalition_picture(advisor, lang).html(name="coalitions")
        return _section(text("explorer.section.coalition_chart", lang), picture, name="coalition-chart")
