# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["remove-cell"]
# # Briefing of one environmental service
#
# The board briefing of one service, in plain Dutch (or English). `odsamen briefings` runs this notebook once per service, each in a fresh kernel, and turns the outputs into the HTML and PDF of the board pack. All words and numbers come from `odsamen.report.briefing` and the catalogue; this notebook only puts the sections in order. Cells tagged `remove-cell` (like this one) and the parameters never reach the briefing.
#
# The outputs stored in the repository (here and in `briefings/`) are nbval's reference and have their figures removed to keep the repository small; nbval does not compare images. `odsamen briefings --reference notebooks/briefings` refreshes them.

# %% tags=["parameters"]
service = ""  # service code from data/services.csv; empty: the first service there
lang = "nl"  # language of the briefing: "nl" or "en"
data_dir = "../data"  # data folder; a relative path is looked up from here, then notebooks/, then the repository root
unknown = "neutral"  # reading of the score ? where scores are averaged: "neutral" (0) or "missing"
advisor = "include"  # scores the advisors filled in: "include" (the report's tables whole) or "exclude"

# %%
from odsamen.analysis.parameters import check_parameters

check_parameters(globals(), "briefing")  # first, before the imports: an unknown name or value stops here with a clear error

from IPython.display import HTML

from odsamen.report.briefing import Briefing

brief = Briefing.open(data_dir, service, lang=lang, unknown=unknown, advisor=advisor)

# %%
HTML(brief.title())

# %%
HTML(brief.context())

# %%
HTML(brief.heading("standing") + brief.figure_note() + brief.standing("robustness"))

# %%
brief.score_figure("robustness", "meets", legend=False)  # the task figure below carries the legend

# %%
HTML(brief.standing("task"))

# %%
brief.score_figure("task", "meets")

# %%
HTML(brief.heading("cooperation") + brief.cooperation())

# %%
HTML(brief.heading("partners") + brief.partners())

# %%
brief.partner_figure()

# %%
HTML(brief.heading("forms") + brief.forms())

# %%
HTML(brief.heading("annex") + brief.heading("definitions", 3) + brief.definitions("robustness") + brief.definitions("task"))

# %%
HTML(brief.heading("preferences", 3) + brief.preferences())

# %%
HTML(brief.heading("partners_table", 3) + brief.partners_table() + brief.heading("groups", 3) + brief.groups())

# %%
HTML(brief.other_advice() + brief.heading("caveats", 3) + brief.caveats())

# %%
HTML(brief.heading("glossary", 3) + brief.glossary() + brief.heading("appendix", 3) + brief.appendix())
