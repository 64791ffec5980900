"""The figures of a briefing: the score heatmaps, the preferences and the partner chart, with the
rows they show at national scale. :class:`~odsamen.report.briefing.Briefing` takes them from here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup

from odsamen.analysis.affinity import (
    HEADLINE_LENS,
    lens_label,
)
from odsamen.catalogue import (
    join_words,
    text,
)
from odsamen.report.facts import (
    verdict,
)
from odsamen.report.render import (
    GRID_HEIGHT_SHARE,
    LEGEND_BELOW_HEIGHT,
    PREFERENCE_LEGEND_HEIGHT,
    figure_image,
    legend_below,
    page_size,
    partner_chart,
    partner_chart_size,
    render,
)


@dataclass(frozen=True)
class BriefingFigures:
    """The figure methods of :class:`~odsamen.report.briefing.Briefing` (which holds ``data``,
    ``service``, ``lang``, ``results`` and the lenses)."""

    @cached_property
    def figure_services(self) -> list[str]:
        """The rows of the score figures: every service up to
        :data:`~odsamen.analysis.coalitions.ALL_SUBSETS_UP_TO` of them; beyond, this service and its
        best partners (:func:`~odsamen.analysis.coalitions.best_partners`, the members of its strongest
        groups), so that a briefing at national scale stays readable and costs what one at four does."""
        from odsamen.analysis import coalitions as co

        codes = self.data.service_codes
        if len(codes) <= co.ALL_SUBSETS_UP_TO:
            return list(codes)
        shown = {self.service, *co.best_partners(self.data)[self.service]}
        return [code for code in codes if code in shown]

    @property
    def figure_is_part(self) -> bool:
        """Whether the score figures show only some of the services (:attr:`figure_services`)."""
        return len(self.figure_services) < len(self.data.service_codes)

    @property
    def figure_partners(self) -> list[str]:
        """The other services the score figures show."""
        return [code for code in self.figure_services if code != self.service]

    def figure_note(self) -> Markup:
        """One line saying how the own service is picked out in the figures and, beyond
        :data:`~odsamen.analysis.coalitions.ALL_SUBSETS_UP_TO` services, which services they show."""
        return render(
            "figure_note",
            self.lang,
            service=self.service,
            partners=join_words(self.figure_partners, self.lang) if self.figure_is_part else "",
            total=len(self.data.service_codes),
        )

    # -- figures -------------------------------------------------------------------

    def score_figure(self, dimension: str, measure: str, *, legend: bool = True):
        """The services' scores on ``dimension`` and ``measure`` as a heatmap, the own row outlined;
        without its ``legend`` when a figure below it carries the same one."""
        from odsamen.report import plots, style

        rows = self.figure_services
        size = style.grid_figsize(len(rows), len(self.data.item_codes(dimension)))
        alt = text(
            "briefing.alt.scores_shown" if self.figure_is_part else "briefing.alt.scores",
            self.lang,
            question=plots.measure_question(dimension, measure, self.lang),
            dimension=self.dimension(dimension),
            service=self.service,
            partners=join_words(self.figure_partners, self.lang),
        )

        def draw(ax):
            plots.score_heatmap(
                self.data,
                dimension=dimension,
                measure=measure,
                lang=self.lang,
                highlight=self.service,
                services=rows,
                ax=ax,
            )
            if legend:
                legend_below(ax, ncols=4)
            elif ax.get_legend() is not None:
                ax.get_legend().remove()

        extra = LEGEND_BELOW_HEIGHT if legend else 0.0
        return figure_image(draw, page_size(size, height_share=GRID_HEIGHT_SHARE, extra_height=extra), alt)

    def preference_figure(self, dimension: str = "task"):
        """The services' preferred scale levels on ``dimension``: one column per service (the own one
        outlined), one row per item, readable at A4 width."""
        from odsamen.report import plots

        split = bool((plots.preference_cells(self.data, dimension=dimension)["aspect"] != "").any())
        size = plots.preference_figsize(
            len(self.data.service_codes), len(self.data.item_codes(dimension)), transpose=True, split=split
        )
        alt = text(
            "briefing.alt.preferences", self.lang, dimension=self.dimension(dimension), service=self.service
        )

        def draw(ax):
            plots.preference_chart(
                self.data, dimension=dimension, lang=self.lang, highlight=self.service, transpose=True, ax=ax
            )
            legend_below(ax, ncols=2)

        return figure_image(draw, page_size(size, extra_height=PREFERENCE_LEGEND_HEIGHT), alt)

    def partner_figure(self, lens: str = HEADLINE_LENS):
        """How well every other service fits this one under ``lens``, best first."""
        n_partners = len(self.data.service_codes) - 1
        alt = text("briefing.alt.partners", self.lang, lens=lens_label(lens, self.lang), service=self.service)
        found = verdict(self.data, self.service, lens=lens, results=self.results)
        return figure_image(
            lambda ax: partner_chart(
                self.data,
                self.service,
                lens=lens,
                lang=self.lang,
                lenses=self._lenses(),
                best=found.best,
                ax=ax,
            ),
            partner_chart_size(n_partners),
            alt,
        )
