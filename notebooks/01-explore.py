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

# %% [markdown]
# # 01 · Verkenning: de scores en schaalvoorkeuren van de diensten
#
# In het adviesrapport van januari 2024 hebben de omgevingsdiensten zichzelf gescoord op de landelijke
# robuustheidscriteria en op een reeks toekomstige opgaven. Per criterium of opgave gaven ze twee oordelen:
#
# * **eigen stand**: voldoet de dienst aan het criterium, of is hij toegerust voor de opgave;
# * **meerwaarde**: hoeveel zou samenwerking met andere diensten toevoegen;
#
# en per item het schaalniveau waarop ze het liefst samenwerken (A, de dienst alleen, tot en met F, de OpenWave Community).
#
# Dit notebook laat elke matrix zien zoals het rapport hem geeft, als kleurkaart. **Zo lees je de kaarten:** elke cel
# toont het symbool uit het rapport; oranje is negatief, paars positief, hoe donkerder hoe sterker. Een `?` (onbekend)
# en een `-/+` (gemengd antwoord) krijgen een grijze kleur met een arcering, zodat ze niet verward worden met een echt
# middenoordeel. Een witte cel met kruisjes heeft geen score. Een teken rechtsboven in een cel (de legenda toont het)
# betekent dat de adviseurs de score hebben ingevuld, niet de dienst zelf.
#
# Alle getallen en namen komen uit `data/`. Zet de parameter `out_dir` op een map om de figuren ook op te slaan, in
# `<out_dir>/figures/`; leeg (de standaard) schrijft niets weg.

# %% tags=["parameters"]
# Parameters: papermill vervangt deze waarden bij een run vanaf de opdrachtregel.
data_dir = "../data"  # map met de tabellen (zie data/README.md); een relatief pad mag vanaf hier, notebooks/ of de hoofdmap
lang = "nl"  # taal van de figuren: "nl" of "en"
unknown = "neutral"  # lezing van '?': "neutral" (telt als 0) of "missing" (telt niet mee)
out_dir = ""  # leeg: niets wegschrijven; anders komen de figuren in <out_dir>/figures/

# %%
from odsamen.analysis.parameters import check_parameters

check_parameters(globals(), "01-explore")  # eerst, vóór de imports: een onbekende naam of waarde stopt hier met een duidelijke fout

from IPython.display import Markdown

from odsamen.analysis import affinity
from odsamen.report import plots, style
from odsamen.analysis.data import load_dataset, summary
from odsamen.analysis.shared import find_data_dir
from odsamen.catalogue import text
from odsamen.report.briefing import who_scored

style.apply_style()
style.notebook_figures()  # figuren op 80 dpi met een palet: klein in git, scherp genoeg op het scherm
style.notebook_tables(lang)  # tabellen schrijven getallen als de figuren (0,86), elke cel helemaal

data_dir = find_data_dir(data_dir, lang)  # ook vanuit een andere map (papermill vanaf de hoofdmap)
data = load_dataset(data_dir, lang=lang)

Markdown(summary(data, lang))

# %% [markdown]
# ## Robuustheid: voldoet de dienst aan het criterium?
#
# De criteria uit het landelijke programma naar aanleiding van de commissie Van Aartsen, van minimale omvang tot
# samenhang tussen takenpakket en werkgebied.

# %%
ax = plots.score_heatmap(data, dimension="robustness", measure="meets", lang=lang)
style.keep_figure(ax.figure, out_dir, "scores_robustness_meets")

# %% [markdown]
# ## Robuustheid: meerwaarde van samenwerking
#
# Waar een dienst een criterium niet haalt én meerwaarde ziet in samenwerking, ligt een kans; waar hij het criterium
# wel haalt, kan hij iets inbrengen. Notebook `02-affinity` werkt dat per paar diensten uit.

# %%
ax = plots.score_heatmap(data, dimension="robustness", measure="added_value", lang=lang)
style.keep_figure(ax.figure, out_dir, "scores_robustness_added_value")

# %% [markdown]
# ## Toekomstige opgaven: is de dienst toegerust?

# %%
# Het teken komt uit de catalogus en wie welke scores gaf uit de tabel (kolom source), zoals in de briefings.
Markdown(f"Let op het teken {text('affinity.advisor_mark', lang)} rechtsboven in een cel. {who_scored(data, lang)}")

# %%
ax = plots.score_heatmap(data, dimension="task", measure="meets", lang=lang)
style.keep_figure(ax.figure, out_dir, "scores_task_meets")

# %% [markdown]
# ## Toekomstige opgaven: meerwaarde van samenwerking

# %%
ax = plots.score_heatmap(data, dimension="task", measure="added_value", lang=lang)
style.keep_figure(ax.figure, out_dir, "scores_task_added_value")

# %% [markdown]
# ## Voorkeur voor schaalniveau
#
# Per cel staan de schaalniveaus in de volgorde waarin de dienst ze noemde. B en C (enkele of alle diensten in
# Noord-Holland en Flevoland) zijn de regionale niveaus; ze hebben twee tinten van dezelfde kleur. Een gestippeld vakje
# is een `?`; een cel met kruisjes is niet ingevuld, met de reden eronder.

# %%
ax = plots.preference_chart(data, dimension="robustness", lang=lang)
style.keep_figure(ax.figure, out_dir, "preferences_robustness")

# %%
ax = plots.preference_chart(data, dimension="task", lang=lang)
style.keep_figure(ax.figure, out_dir, "preferences_task")

# %% [markdown]
# ## Profiel per dienst
#
# De gemiddelde score per dienst, dimensie en oordeel, op de schaal van -2 (`--`) tot 2 (`++`). `-/+` telt als 0; hoe
# `?` telt, hangt af van de parameter `unknown`. De kolommen `n_known` en `n_unknown` tellen de bekende scores en de
# vraagtekens achter elk gemiddelde. Notebook `02-affinity` schrijft deze tabel naar `<out_dir>/tables/service_profile.csv` als `out_dir`
# is gezet.

# %%
profile = affinity.service_profile(data, unknown=unknown)
profile

# %%
ax = plots.profile_chart(profile, lang=lang)
style.keep_figure(ax.figure, out_dir, "service_profile")
