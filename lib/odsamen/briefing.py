"""The narrative of a board briefing: what one service reads about itself.

The first half of this module computes *facts* about one service as small
DataFrames and dicts (where it stands, where cooperation pays, preferred
scales, best partners, what depends on the reading of ``?``); each is tested
on its own. :class:`Briefing` turns the facts into HTML sections for the
briefing notebook (``notebooks/briefing.ipynb``).

Every sentence is a catalogue template (:func:`odsamen.catalogue.text`)
filled with names and counts from the data, so a changed input can never
leave a stale sentence behind. Everything that reaches the page is
HTML-escaped (:mod:`markupsafe`): a note in a data file is shown as text,
never run as markup.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from markupsafe import Markup, escape

from odsamen import cache
from odsamen.affinity import ADDED_VALUE, LENSES, STRONG, WEAK, best_partners, lens_definition, lens_label
from odsamen.catalogue import check_language, format_number, text
from odsamen.data import DIMENSIONS, MEASURES, Dataset
from odsamen.scoring import DEFAULT_UNKNOWN, SYMBOL_VALUES, UNKNOWN_READINGS, check_unknown, score_values

MET, NOT_MET, MIXED, UNKNOWN = "met", "not_met", "mixed", "unknown"
STATUSES = (MET, NOT_MET, MIXED, UNKNOWN)
"""How a ``meets`` symbol reads: + and ++ met, - and -- not met, -/+ mixed, ? unknown."""

MAX_NAMED = 6
"""Up to this many other services are named in a sentence; beyond that only counted."""

HEADLINE_LENS = "combined"
"""The lens whose best partner is the briefing's headline partner."""

CSS_PIXELS_PER_INCH = 96
"""A figure's natural width on screen; the page's stylesheet shrinks wider ones to fit."""

PAGE_FIGURE_WIDTH = 8.5
"""Widest figure in inches: an A4 page holds about 7 inches, so text in a figure prints at
least about 80 % of its size; wider figures would shrink their labels below reading size."""


REPORT_PAGES = {"robustness": "briefing.report.page.robustness", "task": "briefing.report.page.task"}
"""Catalogue keys of the source report's page titles, per dimension."""


# --- facts: where the service stands ---------------------------------------------


def meets_status(symbol: str) -> str:
    """What a ``meets`` symbol says: one of :data:`STATUSES`."""
    if symbol == "?":
        return UNKNOWN
    if symbol == "-/+":
        return MIXED
    return MET if SYMBOL_VALUES[symbol] > 0 else NOT_MET


def score_table(data: Dataset) -> pd.DataFrame:
    """One row per service and item: its ``meets`` and ``added_value`` symbols.

    Columns ``service, dimension, item, meets, added_value, source`` (all
    strings; ``source`` is ``advisor`` if either score of the cell was
    filled in by the advisors), in codebook order of service, then item.
    """
    scores = data.scores.astype(
        {c: str for c in ("service", "dimension", "item", "measure", "score", "source")}
    )
    wide = scores.pivot(index=["service", "dimension", "item"], columns="measure", values="score")
    advisor = scores.assign(advisor=scores["source"] == "advisor").groupby(["service", "dimension", "item"])
    wide["source"] = np.where(advisor["advisor"].any(), "advisor", "self")
    wide = wide.reset_index()
    wide.columns.name = None
    order = {code: k for k, code in enumerate(data.service_codes)}
    item_order = {item: k for k, item in enumerate(data.items["item"])}
    wide = wide.sort_values(
        ["service", "item"], key=lambda s: s.map(order if s.name == "service" else item_order)
    )
    return wide[["service", "dimension", "item", "meets", "added_value", "source"]].reset_index(drop=True)


def standing(data: Dataset, service: str, dimension: str) -> pd.DataFrame:
    """The service's own scores on the items of ``dimension``, with the ``status`` of each.

    Columns ``item, meets, added_value, source, status``, in the report's
    column order.
    """
    table = score_table(data)
    own = table[(table["service"] == service) & (table["dimension"] == dimension)]
    return (
        own.drop(columns=["service", "dimension"])
        .assign(status=own["meets"].map(meets_status))
        .reset_index(drop=True)
    )


def status_counts(data: Dataset, dimension: str) -> pd.DataFrame:
    """Services (rows, codebook order) by :data:`STATUSES`: how many items of ``dimension`` have each."""
    table = score_table(data)
    part = table[table["dimension"] == dimension]
    status = part["meets"].map(meets_status)
    counts = pd.crosstab(part["service"], status).reindex(index=data.service_codes, columns=list(STATUSES))
    return counts.fillna(0).astype(int)


def position_among(data: Dataset, service: str, dimension: str) -> dict[str, list[str]]:
    """The other services that meet ``more``, the ``same`` number of and ``fewer`` items of ``dimension``."""
    met = status_counts(data, dimension)[MET]
    own = met[service]
    others = met.drop(service)
    return {
        "more": list(others.index[others > own]),
        "same": list(others.index[others == own]),
        "fewer": list(others.index[others < own]),
    }


# --- facts: where cooperation pays -------------------------------------------------


def _values(table: pd.DataFrame, unknown: str) -> pd.DataFrame:
    """``table`` with numeric ``meets_value`` and ``added_value_value`` under the reading ``unknown``."""
    return table.assign(
        meets_value=score_values(table["meets"], unknown),
        added_value_value=score_values(table["added_value"], unknown),
    )


def _wants(values: pd.DataFrame) -> pd.Series:
    """True where a service does not (fully) meet an item and sees added value (a NaN never counts)."""
    return (values["meets_value"] <= WEAK) & (values["added_value_value"] >= ADDED_VALUE)


def needs(data: Dataset, service: str, *, unknown: str = DEFAULT_UNKNOWN) -> pd.DataFrame:
    """Items where cooperation pays for the service: it does not (fully) meet them and sees added value.

    The rule of the affinity lens "give and take"
    (:func:`odsamen.affinity.complementarity`): ``meets`` -/+, - or -- (and
    ``?`` when read as neutral) and ``added_value`` + or ++. Columns
    ``dimension, item, meets, added_value``, codebook order.
    """
    values = _values(score_table(data), check_unknown(unknown))
    own = values[(values["service"] == service) & _wants(values)]
    return own[["dimension", "item", "meets", "added_value"]].reset_index(drop=True)


def offers(data: Dataset, service: str, *, unknown: str = DEFAULT_UNKNOWN) -> pd.DataFrame:
    """Items where the service is strong (``meets`` + or ++), with the services that could use its help.

    Columns ``dimension, item, meets, receivers``: ``receivers`` lists, in
    codebook order, the other services that want the item (see
    :func:`needs`); it may be empty. Codebook order of items.
    """
    values = _values(score_table(data), check_unknown(unknown))
    wanting = values[_wants(values) & (values["service"] != service)]
    receivers = wanting.groupby("item", sort=False)["service"].agg(list)
    own = values[(values["service"] == service) & (values["meets_value"] >= STRONG)]
    own = own.assign(receivers=[receivers.get(item, []) for item in own["item"]])
    return own[["dimension", "item", "meets", "receivers"]].reset_index(drop=True)


# --- facts: preferred scales ------------------------------------------------------


def preference_table(data: Dataset) -> pd.DataFrame:
    """Every preference cell with its ``letters`` (a tuple, empty for ``?`` or no answer) and ``answer``.

    ``answer`` is ``levels`` (letters given), ``unknown`` (``?``) or
    ``missing`` (left empty; ``note`` says why). Columns ``service,
    dimension, item, aspect, levels, letters, answer, note``, codebook order.
    """
    prefs = data.preferences.astype({"service": str, "dimension": str, "item": str})
    letters = [tuple(levels.split("/")) if levels not in ("", "?") else () for levels in prefs["levels"]]
    answer = np.select([prefs["levels"] == "?", prefs["levels"] == ""], [UNKNOWN, "missing"], "levels")
    table = prefs.assign(letters=letters, answer=answer)
    return table[
        ["service", "dimension", "item", "aspect", "levels", "letters", "answer", "note"]
    ].reset_index(drop=True)


def preference_matches(data: Dataset, service: str) -> pd.DataFrame:
    """Where the service's preferred scale levels meet those of another service.

    One row per own answer (an item, or an aspect of a split item) and
    partner that names at least one of the same levels. The partner's
    aspects are pooled, as in :func:`odsamen.affinity.scale_agreement`.
    Columns ``dimension, item, aspect, letters, partner, shared`` (shared
    levels in the service's own order), codebook order of items, then
    partners.
    """
    table = preference_table(data)
    pooled = table.groupby(["service", "item"], sort=False)["letters"].agg(lambda cells: set().union(*cells))
    own = table[(table["service"] == service) & (table["answer"] == "levels")]
    partners = [code for code in data.service_codes if code != service]
    rows = []
    for cell in own.itertuples(index=False):
        for partner in partners:
            shared = tuple(
                letter for letter in cell.letters if letter in pooled.get((partner, cell.item), set())
            )
            if shared:
                rows.append((cell.dimension, cell.item, cell.aspect, cell.letters, partner, shared))
    return pd.DataFrame(rows, columns=["dimension", "item", "aspect", "letters", "partner", "shared"])


def partner_overlap(data: Dataset, service: str) -> pd.Series:
    """Per other service: on how many items it shares a preferred level, most first, ties by codebook."""
    matches = preference_matches(data, service)
    counts = matches.drop_duplicates(["item", "partner"]).groupby("partner")["item"].size()
    counts = counts.reindex([c for c in data.service_codes if c != service], fill_value=0)
    return counts.sort_values(ascending=False, kind="stable")


# --- facts: partners and the reading of '?' -----------------------------------------


def top_partners(
    data: Dataset,
    service: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    results: cache.SharedResults | None = None,
) -> pd.DataFrame:
    """The best partner(s) of the service under every lens.

    Columns ``lens, partner, value, items``: the partners ranked first
    (several on a tie, codebook order) with the lens value and the item keys
    that explain it. A lens whose best value is 0 or has no value at all
    (nothing in common with anyone) has no row. ``results``: the build's
    precomputed :class:`~odsamen.cache.SharedResults`, if any (same outcome, less work).
    """
    ranked = _ranked(data, service, unknown=unknown, weights=weights, results=results)
    best = ranked[(ranked["rank"] == 1) & (ranked["value"] > 0)]
    return best[["lens", "partner", "value", "items"]].reset_index(drop=True)


def _ranked(
    data: Dataset, service: str, *, unknown: str, weights: dict[str, float] | None, results
) -> pd.DataFrame:
    """:func:`odsamen.affinity.best_partners`, taken from ``results`` when given."""
    if results is None:
        return best_partners(data, service, unknown=unknown, weights=weights)
    return results.best_partners(data, service, unknown=unknown, weights=weights)


def other_reading(unknown: str) -> str:
    """The reading of ``?`` that the briefing does not use."""
    return next(reading for reading in UNKNOWN_READINGS if reading != check_unknown(unknown))


def _item_keys(frame: pd.DataFrame) -> list[str]:
    return list(frame["item"])


def reading_changes(
    data: Dataset,
    service: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    results: cache.SharedResults | None = None,
) -> dict[str, object]:
    """What changes for the service if ``?`` is read the other way (:func:`other_reading`).

    Returns ``other`` (that reading), ``needs_gained``/``needs_lost`` and
    ``offers_gained``/``offers_lost`` (item keys entering or leaving
    :func:`needs` and the offers with receivers) and ``partners``: a list of
    ``(lens, before, after)`` for every lens whose best partners change.
    """
    other = other_reading(unknown)
    result: dict[str, object] = {"other": other}
    for name, facts in (("needs", needs), ("offers", _offers_with_receivers)):
        before = _item_keys(facts(data, service, unknown=unknown))
        after = _item_keys(facts(data, service, unknown=other))
        result[f"{name}_gained"] = [item for item in after if item not in before]
        result[f"{name}_lost"] = [item for item in before if item not in after]
    now, then = (
        top_partners(data, service, unknown=reading, weights=weights, results=results)
        .groupby("lens")["partner"]
        .agg(list)
        for reading in (unknown, other)
    )
    result["partners"] = [
        (lens, now.get(lens, []), then.get(lens, []))
        for lens in LENSES
        if now.get(lens, []) != then.get(lens, [])
    ]
    return result


def _offers_with_receivers(data: Dataset, service: str, *, unknown: str) -> pd.DataFrame:
    table = offers(data, service, unknown=unknown)
    return table[table["receivers"].map(len) > 0]


def advisor_dimensions(data: Dataset, service: str) -> list[str]:
    """The dimensions on which (some of) ``service``'s scores were filled in by the advisors."""
    own = data.scores[(data.scores["service"] == service) & (data.scores["source"] == "advisor")]
    return [dimension for dimension in DIMENSIONS if (own["dimension"] == dimension).any()]


def headline(
    data: Dataset,
    service: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    results: cache.SharedResults | None = None,
) -> dict[str, object]:
    """The figures for the front page of the board pack.

    ``met``/``n_robustness``: robustness criteria met and their number;
    ``equipped``/``n_tasks``: future tasks equipped for and their number;
    ``needs``: items where cooperation pays (:func:`needs`); ``offers``:
    items where it can help another service; ``partners``: the best
    partner(s) under the :data:`HEADLINE_LENS` lens (may be empty);
    ``advisor``: the dimensions whose scores the advisors filled in
    (:func:`advisor_dimensions`).
    """
    partners = top_partners(data, service, unknown=unknown, weights=weights, results=results)
    return {
        "service": service,
        "met": int(status_counts(data, "robustness").at[service, MET]),
        "n_robustness": len(data.item_codes("robustness")),
        "equipped": int(status_counts(data, "task").at[service, MET]),
        "n_tasks": len(data.item_codes("task")),
        "needs": len(needs(data, service, unknown=unknown)),
        "offers": len(_offers_with_receivers(data, service, unknown=unknown)),
        "partners": list(partners.loc[partners["lens"] == HEADLINE_LENS, "partner"]),
        "advisor": advisor_dimensions(data, service),
    }


# --- HTML pieces ---------------------------------------------------------------


def say(key: str, lang: str, **fields: object) -> Markup:
    """A catalogue sentence (singular where ``n`` is 1, see :func:`~odsamen.catalogue.text`),
    HTML-escaped together with every field filled into it."""
    return escape(text(key, lang, **fields))


def tag(name: str, content: object, **attributes: str) -> Markup:
    """``<name attributes>content</name>``; ``content`` is escaped unless it is already Markup."""
    attrs = Markup("").join(
        Markup(' {}="{}"').format(key.rstrip("_"), value) for key, value in attributes.items()
    )
    return Markup("<{0}{1}>{2}</{0}>").format(Markup(name), attrs, content)


def bullet_list(entries: Iterable[object], **attributes: str) -> Markup:
    """An unordered list, each entry escaped unless it is Markup."""
    return tag("ul", Markup("").join(tag("li", entry) for entry in entries), **attributes)


def html_table(
    header: list[object], rows: list[list[object]], *, caption: object = None, class_: str = ""
) -> Markup:
    """A table with a header row; every cell escaped unless it is Markup."""
    head = tag("thead", tag("tr", Markup("").join(tag("th", cell, scope="col") for cell in header)))
    body = tag(
        "tbody", Markup("").join(tag("tr", Markup("").join(tag("td", c) for c in row)) for row in rows)
    )
    parts = (tag("caption", caption) if caption is not None else Markup("")) + head + body
    return tag("table", parts, class_=class_) if class_ else tag("table", parts)


def join_words(words: list[str], lang: str) -> str:
    """``a, b and c`` in the reader's language; empty string for no words."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + text("briefing.and", lang) + words[-1]


def format_value(value: float, lang: str) -> str:
    """A lens value as a reader sees it: counts without decimals, others with two (decimal comma in Dutch),
    a dash for no value."""
    whole = value == value and float(value).is_integer()
    return format_number(value, lang, 0 if whole else 2)


def page_size(
    size: tuple[float, float],
    max_width: float = PAGE_FIGURE_WIDTH,
    *,
    height_share: float = 1.0,
    extra_height: float = 0.0,
) -> tuple[float, float]:
    """``size`` (inches) fitted to a page: width capped at ``max_width``, height scaled by ``height_share``
    plus ``extra_height``; the layout engine fits the contents."""
    width, height = size
    return (min(width, max_width), round(height * height_share + extra_height, 2))


LEGEND_BELOW_HEIGHT = 1.1
"""Inches added under a figure whose legend is moved below it (:func:`legend_below`)."""

GRID_HEIGHT_SHARE = 0.75
"""Share of a score grid's own height used in a briefing: lower cells, so two grids fit on a page."""


def legend_below(ax, *, ncols: int = 2) -> None:
    """Move the legend of ``ax`` under the figure, in ``ncols`` columns.

    A legend beside a wide grid takes width an A4 page does not have; below
    the grid it costs only height. Handles, labels and title stay the same.
    """
    legend = ax.get_legend()
    if legend is None:
        return
    handles, labels = legend.legend_handles, [label.get_text() for label in legend.get_texts()]
    title = legend.get_title().get_text()
    legend.remove()
    ax.figure.legend(
        handles,
        labels,
        title=title or None,
        loc="outside lower left",
        ncols=ncols,
        alignment="left",
        frameon=False,
    )


def figure_image(draw: Callable[..., object], size: tuple[float, float], alt: str, *, dpi: int | None = None):
    """Draw a figure with ``draw(ax)`` and return it as an embeddable PNG display object.

    The figure is made without pyplot (nothing is left open in the kernel)
    and saved at the house resolution without a date or tool version, so
    the same data give the same picture. ``alt`` is the picture's text for
    screen readers and the HTML ``alt`` attribute.
    """
    from IPython.display import Image
    from matplotlib.figure import Figure

    from odsamen import style

    style.apply_style()
    dpi = dpi or style.SAVE_DPI
    # Made at the resolution it is saved at and laid out here, once: otherwise savefig lays the figure
    # out again in an extra, invisible draw at a new resolution. The picture is the same, byte for byte.
    figure = Figure(figsize=size, layout="constrained", dpi=dpi)
    draw(figure.add_subplot())
    figure.get_layout_engine().execute(figure)
    figure.set_layout_engine(None)
    width = round(size[0] * CSS_PIXELS_PER_INCH)
    return Image(data=_opaque_png(figure, dpi), format="png", alt=alt, width=width)


def _opaque_png(figure, dpi: int) -> bytes:
    """``figure`` as a PNG without an alpha channel, without a date or tool version.

    The figure is opaque (a white background), so dropping the channel keeps
    every pixel; the file is smaller, and WeasyPrint need not split the
    channel off again for each PDF.
    """
    from PIL import Image as PillowImage

    raw = io.BytesIO()
    figure.savefig(raw, format="rgba", dpi=dpi)
    # The size of matplotlib's Agg canvas: the figure's box at ``dpi`` in whole pixels.
    width, height = (int(length) for length in figure.bbox.size)
    picture = PillowImage.frombuffer("RGBA", (width, height), raw.getbuffer(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, format="png", dpi=(dpi, dpi))
    return buffer.getvalue()


# --- the briefing ------------------------------------------------------------------


@dataclass(frozen=True)
class Briefing:
    """The briefing of one service: every section as HTML, every figure as a PNG.

    ``unknown`` is the reading of ``?`` (``"neutral"`` or ``"missing"``),
    ``weights`` the weights of the combined affinity lens (default equal).
    """

    data: Dataset
    service: str
    lang: str = "nl"
    unknown: str = DEFAULT_UNKNOWN
    weights: dict[str, float] | None = None
    results: cache.SharedResults | None = field(default=None, repr=False, compare=False)
    """Analysis shared by all briefings (:class:`~odsamen.cache.SharedResults`); None computes as needed."""

    def __post_init__(self):
        check_language(self.lang)
        check_unknown(self.unknown)
        if self.service not in self.data.service_codes:
            raise ValueError(
                f"unknown service {self.service!r}; expected one of {', '.join(self.data.service_codes)}"
            )

    @classmethod
    def open(cls, data_dir: str | Path, service: str, **options) -> Briefing:
        """The briefing of ``service`` on the data in ``data_dir`` (validated, or from the pack's cache),
        with the :class:`~odsamen.cache.SharedResults` of the build or, run on its own, computed here."""
        data, results = cache.load(data_dir, [service])
        return cls(data, service, results=results, **options)

    # -- words -------------------------------------------------------------------

    def say(self, key: str, **fields: object) -> Markup:
        return say(key, self.lang, **fields)

    def name(self, code: str | None = None) -> str:
        return self.data.service_name(code or self.service, self.lang)

    def items(self, keys: Iterable[str]) -> str:
        """Item labels joined into one phrase."""
        return join_words([self.data.item_label(key, self.lang) for key in keys], self.lang)

    def services(self, codes: list[str]) -> str:
        """Service codes joined into one phrase, or their number when there are too many to name."""
        if len(codes) > MAX_NAMED:
            return text("briefing.n_services", self.lang, n=len(codes))
        return join_words(codes, self.lang)

    def dimension(self, dimension: str) -> str:
        return text(f"dimension.{dimension}", self.lang)

    def heading(self, section: str) -> Markup:
        """The ``<h2>`` of a section (``standing``, ``cooperation``, ``preferences``, ``partners``,
        ``caveats``, ``appendix``), with an anchor for the table of contents."""
        return tag("h2", self.say(f"briefing.section.{section}", service=self.service), id=section)

    # -- sections -----------------------------------------------------------------

    def title(self) -> Markup:
        """The title block: name, purpose, a synthetic-data warning if needed, and the summary."""
        kicker = tag("p", self.say("briefing.kicker", n=len(self.data.service_codes)), class_="kicker")
        heading = tag("h1", self.say("briefing.title", name=self.name()))
        reading = tag(
            "p",
            self.say("briefing.reading", reading=text(f"unknown.{self.unknown}", self.lang)),
            class_="meta",
        )
        warning = (
            tag("p", self.say("briefing.synthetic"), class_="synthetic")
            if self.data.synthetic
            else Markup("")
        )
        return tag("header", kicker + heading + reading + warning, class_="title") + self.summary()

    def summary(self) -> Markup:
        """Five lines a board member reads first."""
        facts = headline(
            self.data, self.service, unknown=self.unknown, weights=self.weights, results=self.results
        )
        partners = facts["partners"]
        lines = [
            self.say(
                "briefing.summary.robustness",
                service=self.service,
                met=facts["met"],
                total=facts["n_robustness"],
            ),
            self.say(
                "briefing.summary.task", service=self.service, met=facts["equipped"], total=facts["n_tasks"]
            ),
            self.say("briefing.summary.needs", n=facts["needs"]),
            self.say("briefing.summary.offers", n=facts["offers"]),
            self.say(
                "briefing.summary.partner",
                lens=lens_label(HEADLINE_LENS, self.lang),
                partners=self.services(partners),
            )
            if partners
            else self.say("briefing.summary.no_partner", lens=lens_label(HEADLINE_LENS, self.lang)),
        ]
        # A board member who reads only this box must still learn whose judgement the scores are.
        lines[2:2] = [line for own, line in self._advisor_lines() if own]
        return tag(
            "section",
            tag("h2", self.say("briefing.section.summary")) + bullet_list(lines),
            class_="summary",
            id="summary",
        )

    def standing(self, dimension: str) -> Markup:
        """Which items of ``dimension`` the service meets, and how that compares with the others."""
        own = standing(self.data, self.service, dimension)
        by_status = {status: list(own.loc[own["status"] == status, "item"]) for status in STATUSES}
        lines = [
            self.say(
                f"briefing.standing.{dimension}.{status}",
                n=len(items),
                total=len(own),
                items=self.items(items),
            )
            for status, items in by_status.items()
            if items
        ]
        position = position_among(self.data, self.service, dimension)
        comparison = self.say(
            f"briefing.standing.{dimension}.compare",
            service=self.service,
            more=self.services(position["more"]) or text("briefing.none", self.lang),
            same=self.services(position["same"]) or text("briefing.none", self.lang),
            fewer=self.services(position["fewer"]) or text("briefing.none", self.lang),
        )
        return tag("h3", self.dimension(dimension)) + bullet_list(lines) + tag("p", comparison)

    def figure_note(self) -> Markup:
        """One line saying how the own service is picked out in the figures."""
        return tag("p", self.say("briefing.standing.figure_note", service=self.service), class_="note")

    def cooperation(self) -> Markup:
        """Where cooperation pays: items the service needs help with, and items where it can give."""
        wanted = needs(self.data, self.service, unknown=self.unknown)
        given = offers(self.data, self.service, unknown=self.unknown)
        helping = given[given["receivers"].map(len) > 0]
        idle = given[given["receivers"].map(len) == 0]
        rule = lens_definition(self.data, "complementarity", unknown=self.unknown, lang=self.lang)
        parts = [
            tag(
                "p",
                self.say(
                    "briefing.cooperation.rule",
                    lens=lens_label("complementarity", self.lang),
                    definition=rule,
                ),
            )
        ]
        parts.append(tag("h3", self.say("briefing.cooperation.needs_heading", service=self.service)))
        if len(wanted):
            rows = [
                [self.dimension(r.dimension), self.data.item_label(r.item, self.lang), r.meets, r.added_value]
                for r in wanted.itertuples(index=False)
            ]
            parts.append(html_table(self._columns("dimension", "item", "meets", "added_value"), rows))
        else:
            parts.append(tag("p", self.say("briefing.cooperation.no_needs", service=self.service)))
        parts.append(tag("h3", self.say("briefing.cooperation.offers_heading", service=self.service)))
        if len(helping):
            rows = [
                [
                    self.dimension(r.dimension),
                    self.data.item_label(r.item, self.lang),
                    r.meets,
                    self.services(r.receivers),
                ]
                for r in helping.itertuples(index=False)
            ]
            parts.append(html_table(self._columns("dimension", "item", "meets", "receivers"), rows))
        else:
            parts.append(tag("p", self.say("briefing.cooperation.no_offers", service=self.service)))
        if len(idle):
            parts.append(
                tag(
                    "p",
                    self.say(
                        "briefing.cooperation.idle", service=self.service, items=self.items(idle["item"])
                    ),
                )
            )
        return Markup("").join(parts)

    def _columns(self, *names: str) -> list[Markup]:
        """Table headers; the two measures keep the short names the figures use."""
        return [
            self.say(f"measure.{name}.short" if name in MEASURES else f"briefing.column.{name}")
            for name in names
        ]

    def preferences(self) -> Markup:
        """The service's preferred scale levels and where they meet the other services' preferences."""
        table = preference_table(self.data)
        own = table[table["service"] == self.service]
        answered = own[own["answer"] == "levels"]
        regional = answered[
            answered["letters"].map(lambda letters: bool(set(letters) & self.data.regional_levels))
        ]
        regional_levels = join_words(sorted(self.data.regional_levels), self.lang)
        parts = []
        if len(answered):
            parts.append(
                tag(
                    "p",
                    self.say(
                        "briefing.preferences.regional",
                        service=self.service,
                        n=regional["item"].nunique(),
                        total=answered["item"].nunique(),
                        levels=regional_levels,
                    ),
                )
            )
        else:
            parts.append(tag("p", self.say("briefing.preferences.none", service=self.service)))
        overlap = partner_overlap(self.data, self.service)
        overlap = overlap[overlap > 0]
        if len(overlap):
            best = list(overlap.index[overlap == overlap.iloc[0]])
            parts.append(
                tag(
                    "p",
                    self.say(
                        "briefing.preferences.closest",
                        service=self.service,
                        partners=self.services(best),
                        n=int(overlap.iloc[0]),
                    ),
                )
            )
        given = own[own["answer"] != "missing"]
        if len(given):
            parts.append(self._preference_table(given))
            parts.append(tag("p", self._level_legend(), class_="legend"))
        if len(given) < len(own):
            parts.append(
                tag(
                    "p",
                    self.say("briefing.preferences.missing", service=self.service, n=len(own) - len(given)),
                    class_="note",
                )
            )
        return Markup("").join(parts)

    def _preference_table(self, own: pd.DataFrame) -> Markup:
        matches = preference_matches(self.data, self.service)
        rows = []
        for cell in own.itertuples(index=False):
            found = matches[(matches["item"] == cell.item) & (matches["aspect"] == cell.aspect)]
            shared = [
                text("briefing.match", self.lang, partner=m.partner, levels="/".join(m.shared))
                for m in found.itertuples(index=False)
            ]
            if len(shared) > MAX_NAMED:
                rest = text("briefing.n_others", self.lang, n=len(shared) - MAX_NAMED)
                shared = shared[:MAX_NAMED] + [rest]
            rows.append(
                [
                    self.dimension(cell.dimension),
                    self._item_with_aspect(cell.item, cell.aspect),
                    self._levels_text(cell),
                    join_words(shared, self.lang) or "—",
                ]
            )
        return html_table(self._columns("dimension", "item", "levels", "matches"), rows)

    def _item_with_aspect(self, item: str, aspect: str) -> str:
        label = self.data.item_label(item, self.lang)
        return (
            text("briefing.item_aspect", self.lang, item=label, aspect=text(f"aspect.{aspect}", self.lang))
            if aspect
            else label
        )

    def _levels_text(self, cell) -> str:
        if cell.answer == UNKNOWN:
            return text("preference.unknown", self.lang)
        if cell.answer == "missing":
            return text("preference.missing", self.lang)
        return cell.levels

    def _level_legend(self) -> str:
        entries = [
            text(
                "briefing.level_entry", self.lang, level=level, label=self.data.level_label(level, self.lang)
            )
            for level in self.data.levels["level"]
        ]
        return text("briefing.levels_legend", self.lang, levels="; ".join(entries))

    def partners(self) -> Markup:
        """The best partners under every lens, with the items that explain each, and how each lens works."""
        best = top_partners(
            self.data, self.service, unknown=self.unknown, weights=self.weights, results=self.results
        )
        rows = []
        for lens in LENSES:
            found = best[best["lens"] == lens]
            if not len(found):
                rows.append([lens_label(lens, self.lang), "—", "—", self.say("briefing.partners.nothing")])
            for r in found.itertuples(index=False):
                rows.append(
                    [
                        lens_label(lens, self.lang),
                        r.partner,
                        format_value(r.value, self.lang),
                        self.items(r.items) or "—",
                    ]
                )
        definitions = [
            Markup("{}: {}").format(
                tag("strong", lens_label(lens, self.lang)),
                lens_definition(self.data, lens, unknown=self.unknown, weights=self.weights, lang=self.lang),
            )
            for lens in LENSES
        ]
        intro = tag("p", self.say("briefing.partners.intro", service=self.service))
        table = html_table(self._columns("lens", "partner", "value", "explained_by"), rows)
        return (
            intro
            + table
            + tag("h3", self.say("briefing.partners.how"))
            + bullet_list(definitions, class_="definitions")
        )

    def caveats(self) -> Markup:
        """Caveats that apply to this briefing: advisors' scores, missing preferences, ``?`` scores."""
        lines = self._advisor_caveats() + self._preference_caveats() + self._unknown_caveats()
        if self.data.synthetic:
            lines.insert(0, self.say("briefing.synthetic"))
        return bullet_list(lines or [self.say("briefing.caveat.none")])

    def _advisor_caveats(self) -> list[Markup]:
        return [line for _, line in self._advisor_lines()]

    def _advisor_lines(self) -> list[tuple[bool, Markup]]:
        """Caveats on scores filled in by the advisors; True marks those about this service itself."""
        advised = {code: advisor_dimensions(self.data, code) for code in self.data.service_codes}
        lines = []
        for dimension in DIMENSIONS:
            part = {code for code, dimensions in advised.items() if dimension in dimensions}
            words = self.dimension(dimension).lower()
            if self.service in part:
                lines.append(
                    (True, self.say("briefing.caveat.advisor_own", service=self.service, dimension=words))
                )
            others = [code for code in self.data.service_codes if code in part and code != self.service]
            if others:
                lines.append(
                    (
                        False,
                        self.say(
                            "briefing.caveat.advisor_other", services=self.services(others), dimension=words
                        ),
                    )
                )
        return lines

    def _preference_caveats(self) -> list[Markup]:
        table = preference_table(self.data)
        lines = []
        own = table[(table["service"] == self.service) & (table["answer"] != "levels")]
        for (answer, note), cells in own.groupby(["answer", "note"], sort=False):
            key = (
                "briefing.caveat.preference_unknown"
                if answer == UNKNOWN
                else "briefing.caveat.preference_missing"
            )
            lines.append(
                self.say(
                    key, service=self.service, n=len(cells), items=self.items(cells["item"]), note=note or "—"
                )
            )
        others = table[(table["service"] != self.service) & (table["answer"] == "missing")]
        if len(others):
            partners = [code for code in self.data.service_codes if code in set(others["service"])]
            lines.append(
                self.say("briefing.caveat.preference_other", partners=self.services(partners), n=len(others))
            )
        return lines

    def _unknown_caveats(self) -> list[Markup]:
        table = score_table(self.data)
        own = table[table["service"] == self.service].melt(
            id_vars=["dimension", "item"],
            value_vars=["meets", "added_value"],
            var_name="measure",
            value_name="score",
        )
        unknown = own[own["score"] == "?"]
        if not len(unknown):
            return [self.say("briefing.caveat.no_unknown", service=self.service), self._reading_change()]
        cells = [
            text(
                "briefing.unknown_cell",
                self.lang,
                item=self.data.item_label(r.item, self.lang),
                measure=text(f"measure.{r.measure}.short", self.lang),
            )
            for r in unknown.itertuples(index=False)
        ]
        reading = text(f"unknown.{self.unknown}", self.lang)
        lines = [
            self.say(
                "briefing.caveat.unknown",
                service=self.service,
                n=len(unknown),
                cells=join_words(cells, self.lang),
                reading=reading,
            )
        ]
        return lines + [self._reading_change()]

    def _reading_change(self) -> Markup:
        changes = reading_changes(
            self.data, self.service, unknown=self.unknown, weights=self.weights, results=self.results
        )
        other = text(f"unknown.{changes['other']}", self.lang)
        parts = []
        for key in ("needs_gained", "needs_lost", "offers_gained", "offers_lost"):
            if changes[key]:
                parts.append(text(f"briefing.change.{key}", self.lang, items=self.items(changes[key])))
        for lens, before, after in changes["partners"]:
            parts.append(
                text(
                    "briefing.change.partner",
                    self.lang,
                    lens=lens_label(lens, self.lang),
                    before=self.services(before) or "—",
                    after=self.services(after) or "—",
                )
            )
        if not parts:
            return self.say("briefing.change.nothing", reading=other)
        return self.say("briefing.change.intro", reading=other) + bullet_list(parts)

    def appendix(self) -> Markup:
        """The service's own data, and where each value stands in the source report."""
        key = "briefing.appendix.synthetic" if self.data.synthetic else "briefing.appendix.intro"
        parts = [
            tag("p", self.say(key, service=self.service, report=text("briefing.report.title", self.lang)))
        ]
        table = score_table(self.data)
        prefs = preference_table(self.data)
        for dimension in DIMENSIONS:
            own = table[(table["service"] == self.service) & (table["dimension"] == dimension)]
            rows = [self._appendix_row(r, prefs) for r in own.itertuples(index=False)]
            caption = self.say(
                "briefing.appendix.caption",
                dimension=self.dimension(dimension),
                page=text(REPORT_PAGES[dimension], self.lang),
                service=self.service,
                meets_row=text(f"briefing.report.row.meets.{dimension}", self.lang),
                added_row=text("briefing.report.row.added_value", self.lang),
                preference_row=text("briefing.report.row.preference", self.lang),
            )
            header = self._columns("item", "report_column", "meets", "added_value", "levels", "source")
            parts.append(html_table(header, rows, caption=caption, class_="appendix"))
        return Markup("").join(parts)

    def _appendix_row(self, row, prefs: pd.DataFrame) -> list[str]:
        cells = prefs[(prefs["service"] == self.service) & (prefs["item"] == row.item)]
        levels = "; ".join(
            (
                text(
                    "briefing.aspect_levels",
                    self.lang,
                    aspect=text(f"aspect.{c.aspect}", self.lang),
                    levels=self._levels_text(c),
                )
                if c.aspect
                else self._levels_text(c)
            )
            for c in cells.itertuples(index=False)
        )
        column = self.data.items.set_index("item").at[row.item, "report_column"]
        return [
            self.data.item_label(row.item, self.lang),
            column,
            row.meets,
            row.added_value,
            levels,
            text(f"briefing.source.{row.source}", self.lang),
        ]

    # -- figures -------------------------------------------------------------------

    def score_figure(self, dimension: str, measure: str):
        """The services' scores on ``dimension`` and ``measure`` as a heatmap, the own row outlined."""
        from odsamen import plots, style

        size = style.grid_figsize(len(self.data.service_codes), len(self.data.item_codes(dimension)))
        alt = text(
            "briefing.alt.scores",
            self.lang,
            question=plots.measure_question(dimension, measure, self.lang),
            dimension=self.dimension(dimension),
            service=self.service,
        )

        def draw(ax):
            plots.score_heatmap(
                self.data, dimension=dimension, measure=measure, lang=self.lang, highlight=self.service, ax=ax
            )
            legend_below(ax, ncols=4)

        return figure_image(
            draw, page_size(size, height_share=GRID_HEIGHT_SHARE, extra_height=LEGEND_BELOW_HEIGHT), alt
        )

    def partner_figure(self, lens: str = HEADLINE_LENS):
        """How well every other service fits this one under ``lens``, best first."""
        n_partners = len(self.data.service_codes) - 1
        alt = text("briefing.alt.partners", self.lang, lens=lens_label(lens, self.lang), service=self.service)
        return figure_image(
            lambda ax: partner_chart(
                self.data,
                self.service,
                lens=lens,
                unknown=self.unknown,
                weights=self.weights,
                lang=self.lang,
                results=self.results,
                ax=ax,
            ),
            partner_chart_size(n_partners),
            alt,
        )


# --- the partner chart -------------------------------------------------------------


def partner_chart_size(n_partners: int) -> tuple[float, float]:
    """Figure size in inches for :func:`partner_chart`: a fixed width, a bar height that shrinks for many."""
    bar = 0.38 if n_partners <= 8 else 0.22
    return (PARTNER_CHART_WIDTH, round(1.3 + bar * n_partners, 2))


PARTNER_CHART_WIDTH = 6.5
"""Width in inches of the partner chart: it fits an A4 page at full size."""


def partner_chart(
    data: Dataset,
    service: str,
    *,
    lens: str = HEADLINE_LENS,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    lang: str = "nl",
    results: cache.SharedResults | None = None,
    ax=None,
):
    """How well every other service fits ``service`` under ``lens``: one bar per partner, best on top.

    The best partner(s) (rank 1) are drawn in the own-service blue of
    :mod:`odsamen.style`, the others in grey; each bar carries its value. A
    partner the lens has nothing to go on for gets no bar and a dash.
    Bars carry ``gid="partner:<code>"``. ``results``: as for :func:`top_partners`. Returns the Axes.
    """
    from matplotlib.ticker import FuncFormatter

    from odsamen import style

    check_language(lang)
    part = _ranked(data, service, unknown=unknown, weights=weights, results=results)
    part = part[part["lens"] == lens].reset_index(drop=True)
    if ax is None:
        # pyplot only here: a kernel that draws on Figures of its own never loads it.
        import matplotlib.pyplot as plt

        ax = plt.gca()
    fontsize = style.font_size_for(len(part))
    values = part["value"].astype(float).fillna(0.0)
    colours = [style.OWN_SERVICE_COLOUR if rank == 1 else style.OTHER_SERVICE_COLOUR for rank in part["rank"]]
    bars = ax.barh(range(len(part)), values, color=colours, height=0.7)
    for bar, partner, value in zip(bars, part["partner"], part["value"], strict=True):
        bar.set_gid(f"partner:{partner}")
        label = format_value(value, lang)
        ax.annotate(
            label,
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=fontsize,
        )
    ax.set_yticks(range(len(part)), list(part["partner"]), fontsize=fontsize)
    ax.invert_yaxis()
    ax.set_xlim(0, max(float(values.max()), 1e-9) * 1.15)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_value(round(value, 2), lang)))
    ax.set_xlabel(lens_label(lens, lang))
    ax.set_title(text("briefing.partner_chart.title", lang, service=service, lens=lens_label(lens, lang)))
    if data.synthetic:
        ax.annotate(
            text("plots.synthetic", lang),
            xy=(1, 0),
            xycoords="axes fraction",
            ha="right",
            va="bottom",
            color="#b35806",
            fontweight="bold",
            gid="synthetic",
        )
    return ax
