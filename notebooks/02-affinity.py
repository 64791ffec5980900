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
# # 02 · Affiniteit: welke diensten passen bij elkaar, waarop, en hoe zeker is dat?
#
# Er is niet één maat voor 'passen bij elkaar'. Dit notebook kijkt per paar diensten door vijf lenzen. Elke lens stelt
# één vraag en beantwoordt die onderdeel voor onderdeel (een *onderdeel* is een robuustheidscriterium of een
# toekomstige opgave):
#
# | lens | vraag per onderdeel |
# |---|---|
# | gezamenlijke agenda (de hoofdmaat) | noemen beide een regionaal schaalniveau (B of C) **én** zien beide meerwaarde? |
# | beide regionaal | noemen beide een regionaal schaalniveau? |
# | gedeelde meerwaarde | zien beide meerwaarde in samenwerking (`+` of `++`)? |
# | geven en nemen | is de een sterk, terwijl de ander tekortschiet en meerwaarde ziet? |
# | zelfde schaal | noemen ze dezelfde vormen van samenwerking (regionaal, landelijk)? |
#
# Bij elk getal staat waarop het rust, en een dienst krijgt alleen een 'beste partner' als die onder elke redelijke
# lezing van de gegevens duidelijk voorop ligt. Daarna volgen de gevoeligheid voor die lezingen, de clustering van
# diensten en opgaven, de toets van de conclusies uit het rapport en tot slot de vraag waar gegevens en rapport het over
# het paar NHN–IJmond eens zijn.

# %% tags=["parameters"]
# Parameters: papermill vervangt deze waarden bij een run vanaf de opdrachtregel.
data_dir = "../data"  # map met de tabellen (zie data/README.md); een relatief pad mag vanaf hier, notebooks/ of de hoofdmap
lang = "nl"  # taal van figuren en tabellen: "nl" of "en"
unknown = "neutral"  # lezing van '?' in gemiddelden: "neutral" (telt als 0) of "missing" (telt niet mee)
advisor = "include"  # scores die de adviseurs invulden: "include" (meetellen) of "exclude" (weglaten)
levels = "grouped"  # schaalniveaus vergelijken: "grouped" (alleen / regionaal / landelijk) of "exact" (per letter)
out_dir = ""  # leeg: niets wegschrijven; anders komen figures/ en tables/ in deze map

# %%
from odsamen.analysis.parameters import check_parameters

check_parameters(globals(), "02-affinity")  # eerst, vóór de imports: een onbekende naam of waarde stopt hier met een duidelijke fout

from functools import partial

import numpy as np
import pandas as pd
from IPython.display import Markdown

from odsamen.analysis import affinity, claims, clustering
from odsamen.report import plots, style
from odsamen.report.briefing import verdict_words
from odsamen.catalogue import format_number, text
from odsamen.analysis.data import load_dataset, summary
from odsamen.analysis.shared import find_data_dir
from odsamen.analysis.scoring import READINGS, SYMBOL_VALUES, Reading

style.apply_style()
style.notebook_figures()  # figuren op 80 dpi met een palet: klein in git; opgeslagen figuren krijgen hun eigen resolutie
style.notebook_tables(lang)  # tabellen schrijven getallen als de figuren (0,86), elke cel helemaal

data_dir = find_data_dir(data_dir, lang)  # ook vanuit een andere map (papermill vanaf de hoofdmap)
data = load_dataset(data_dir, lang=lang)
reading = {"unknown": unknown, "advisor": advisor, "levels": levels}
number = partial(format_number, lang=lang)  # number(0.857) geeft 0,86

if out_dir:
    affinity.write_tables(data, out_dir, **reading)
Markdown(summary(data, lang))

# %% [markdown]
# ## 1. Hoe de lenzen tellen
#
# **Ja, nee of onbepaald.** Voor een paar diensten is elk onderdeel in een lens *ja* (het telt), *nee* (het telt niet)
# of *onbepaald*. Onbepaald is het als een van beide een `?` gaf, geen schaalvoorkeur noemde, of als een score die de
# adviseurs invulden is weggelaten. Een onbepaald onderdeel telt nooit als zwak, sterk of meerwaarde: het valt weg uit
# de noemer.
#
# **Waar het op rust.** Daarom heeft elke uitkomst twee getallen: de telling en het aantal onderdelen waarop die rust
# (`n_items`), zoals '11 van 14 onderdelen'. Paren vergelijken we op het **aandeel** (telling gedeeld door dat aantal,
# van 0 tot 1). Een uitkomst die op minder dan de helft van alle onderdelen rust, heet *weinig bewijs* en krijgt in de
# figuren een `*`.
#
# **Lezingen.** Drie keuzes in het lezen van de gegevens kunnen uitkomsten veranderen:
#
# * `unknown`: telt een `?` als neutraal (0) of als ontbrekend? Dat doet er alleen toe waar scores worden
#   gemiddeld (het profiel per dienst in `01-explore`). In de lenzen is een `?` altijd onbepaald, onder beide lezingen.
# * `advisor`: tellen de scores mee die de adviseurs invulden in plaats van de dienst zelf (bij OFGV de toekomstige
#   opgaven)?
# * `levels`: vergelijken we schaalniveaus in groepen (A alleen; B en C regionaal; D, E en F landelijk of breder) of
#   letter voor letter?
#
# Samen geven die keuzes de lezingen hieronder; de eerste is de standaard. De parameters bovenaan kiezen de lezing van de
# figuren en tabellen; het oordeel over de beste partner kijkt altijd naar alle lezingen.

# %%
n_items = len(data.items)
low = int(np.ceil(affinity.LOW_EVIDENCE_SHARE * n_items))
Markdown(
    f"Er zijn {n_items} onderdelen ({len(data.item_codes('robustness'))} robuustheidscriteria en "
    f"{len(data.item_codes('task'))} opgaven). Weinig bewijs betekent dus: rust op minder dan {low} onderdelen. "
    f"Een beste partner moet onder elke lezing ten minste {number(affinity.CLOSE_MARGIN)} voorliggen op de "
    f"volgende (een tiende van de schaal van 0 tot 1). {text('affinity.undetermined', lang)}"
)

# %%
pd.DataFrame(
    [
        {
            "lezing": k + 1,
            "?": text(f"affinity.reading.unknown.{r.unknown}", lang),
            "adviseurs": text(f"affinity.reading.advisor.{r.advisor}", lang),
            "schaalniveaus": text(f"affinity.reading.levels.{r.levels}", lang),
            "standaard": "ja" if r.is_default else "",
            "gekozen hierboven": "ja" if r == Reading(**reading) else "",
        }
        for k, r in enumerate(READINGS)
    ]
).set_index("lezing")


# %% [markdown]
# ## 2. Lens 1: gezamenlijke agenda (de hoofdmaat)
#
# Dit is de maat voor de beste partner. Hij legt per onderdeel twee losse vragen samen (op welk niveau? levert het
# iets op?), zodat er geen gewichten nodig zijn. Onder het aandeel staat in elke cel de telling en het aantal
# onderdelen waarop die rust.

# %%
Markdown(affinity.lens_definition(data, "joint_agenda", lang=lang))

# %%
ax = plots.lens_heatmap(data, "joint_agenda", lang=lang, **reading)
style.keep_figure(ax.figure, out_dir, "affinity_joint_agenda")

# %%
affinity.pair_table(data, "joint_agenda", lang=lang, **reading)

# %% [markdown]
# ## 3. Lens 2: beide regionaal

# %%
Markdown(affinity.lens_definition(data, "shared_regional", lang=lang))

# %%
ax = plots.lens_heatmap(data, "shared_regional", lang=lang, **reading)
style.keep_figure(ax.figure, out_dir, "affinity_shared_regional")

# %%
affinity.pair_table(data, "shared_regional", lang=lang, **reading)

# %% [markdown]
# ## 4. Lens 3: gedeelde meerwaarde
#
# Hier tellen de scores die de adviseurs voor OFGV invulden het zwaarst: ze zijn bijna allemaal `+`. Zonder die scores
# rusten de paren met OFGV op veel minder onderdelen (zie de gevoeligheid in paragraaf 8).

# %%
Markdown(affinity.lens_definition(data, "shared_added_value", lang=lang))

# %%
ax = plots.lens_heatmap(data, "shared_added_value", lang=lang, **reading)
style.keep_figure(ax.figure, out_dir, "affinity_shared_added_value")

# %%
affinity.pair_table(data, "shared_added_value", lang=lang, **reading)

# %% [markdown]
# ## 5. Lens 4: geven en nemen
#
# Een paar telt een onderdeel als de een sterk is (eigen stand `+` of `++`) en de ander tekortschiet (`-/+`, `-` of
# `--`) en meerwaarde ziet, in een van beide richtingen. Een `?` bij de eigen stand is onbepaald: niet zwak en niet sterk.

# %%
Markdown(affinity.lens_definition(data, "complementarity", lang=lang))

# %%
ax = plots.lens_heatmap(data, "complementarity", lang=lang, **reading)
style.keep_figure(ax.figure, out_dir, "affinity_complementarity")

# %%
affinity.pair_table(data, "complementarity", lang=lang, **reading)


# %% [markdown]
# **Wie geeft aan wie?** De rijen zijn de gevers, de kolommen de ontvangers; het getal is het aantal onderdelen waarop
# de gever sterk is en de ontvanger tekortschiet en meerwaarde ziet. Eerst met de scores die de adviseurs invulden,
# daaronder zonder die scores.

# %%
plots.give_and_take_table(data, lang=lang, **(reading | {"advisor": "include"}))

# %%
plots.give_and_take_table(data, lang=lang, **(reading | {"advisor": "exclude"}))

# %%
with_advisor = affinity.complementarity_directed(data, **(reading | {"advisor": "include"}))
without_advisor = affinity.complementarity_directed(data, **(reading | {"advisor": "exclude"}))
Markdown(
    f"Met de scores van de adviseurs geeft OFGV op {int(with_advisor.loc['OFGV', 'NHN'])} onderdelen aan NHN, "
    f"zonder die scores op {int(without_advisor.loc['OFGV', 'NHN'])}. Wat OFGV bij de opgaven te bieden lijkt, "
    "rust dus vooral op scores die OFGV niet zelf gaf."
)

# %% [markdown]
# ## 6. Lens 5: zelfde schaal
#
# Per onderdeel waarvoor beide een voorkeur gaven: welk deel van de genoemde vormen van samenwerking beide noemen.
# Allebei 'alleen' (A) is geen wens om samen te werken en telt dus niet als overeenkomst. Dit is een gemiddelde, geen
# telling: onder het aandeel staat alleen het aantal onderdelen waarop het rust.

# %%
Markdown(affinity.lens_definition(data, "scale_agreement", lang=lang))

# %%
ax = plots.lens_heatmap(data, "scale_agreement", lang=lang, **reading)
style.keep_figure(ax.figure, out_dir, "affinity_scale_agreement")

# %%
affinity.pair_table(data, "scale_agreement", lang=lang, **reading)

# %% [markdown]
# ## 7. De beste partner per dienst: duidelijk, of dicht bij elkaar?
#
# Een dienst heeft alleen een beste partner als die onder **elke** lezing voorop ligt met ten minste de marge van
# hierboven, en als die uitkomst niet op weinig bewijs rust. Anders noemt de tabel de reden en de partners die dicht bij
# elkaar liggen: *nipt verschil* (binnen de marge), *hangt af van de lezing* (een andere lezing, een andere koploper) of
# *weinig onderdelen* (de koploper rust op weinig bewijs).

# %%
REASONS = {
    "clear": "duidelijk",
    "margin": text("briefing.partners.note.margin", lang),
    "reading": text("briefing.partners.note.reading", lang),
    "evidence": text("briefing.partners.note.evidence", lang),
    "nothing": "niets gemeenschappelijk",
}
verdicts = affinity.sensitivity(data)
pd.DataFrame(
    {
        "lens": [affinity.lens_label(lens, lang) for lens in verdicts["lens"]],
        "dienst": verdicts["service"],
        "beste partner": verdicts["best"].replace("", "–"),
        "oordeel": verdicts["reason"].map(REASONS),
        "dicht bij elkaar": verdicts["close"],
    }
)

# %% [markdown]
# Voor de hoofdmaat, per dienst in woorden (de waarden onder de standaardlezing):

# %%
lens = affinity.HEADLINE_LENS
Markdown(
    "\n".join(
        f"* **{service}**: {verdict_words(data, affinity.partner_verdict(data, service, lens=lens), lang)}"
        for service in data.service_codes
    )
)

# %% [markdown]
# ## 8. Gevoeligheid: welke waarden veranderen met de lezing?
#
# Elke lens is onder alle lezingen opnieuw berekend. De tabel en de figuur tonen alleen de paren waarvan het aandeel of
# het aantal onderdelen waarop het rust verandert; wat geen enkele lezing kan veranderen, staat er niet in. Per paar:
# het aandeel onder de standaardlezing met tussen haakjes het aantal onderdelen, dan het laagste en hoogste aandeel
# over alle lezingen, en de keuze die het verandert.

# %%
changes = affinity.sensitivity_values(data)
readable = plots.sensitivity_table(changes, max_pairs=len(changes) or 1, lang=lang)
pd.DataFrame(
    {
        "lens": [affinity.lens_label(lens, lang) for lens in readable["lens"]],
        "paar": readable["pair"],
        "standaard · bereik (onderdelen)": readable["values_text"],
        "verandert door": readable["switch_text"],
    }
)

# %%
ax = plots.sensitivity_chart(changes, lang=lang)
style.keep_figure(ax.figure, out_dir, "sensitivity_readings")

# %%
n_values = len(affinity.LENSES) * len(data.service_codes) * (len(data.service_codes) - 1) // 2
by_switch = {
    switch: int(changes["changed_by"].str.contains(switch).sum()) for switch in ("advisor", "levels", "unknown")
}
Markdown(
    f"Van de {n_values} waarden ({len(affinity.LENSES)} lenzen maal "
    f"{n_values // len(affinity.LENSES)} paren) veranderen er {len(changes)} met de lezing: "
    f"{by_switch['advisor']} door de scores van de adviseurs en {by_switch['levels']} door het vergelijken van "
    f"schaalniveaus per letter. De lezing van `?` (`unknown`) verandert er {by_switch['unknown']}: in elke lens is "
    "een `?` onbepaald, of hij nu als neutraal of als ontbrekend wordt gelezen. Daarom staat `unknown` niet in de "
    "tabel. De gezamenlijke agenda staat er ook niet in: geen enkele lezing verandert hem."
    if "joint_agenda" not in set(changes["lens"])
    else f"Van de {n_values} waarden veranderen er {len(changes)} met de lezing; de lezing van `?` verandert er "
    f"{by_switch['unknown']}."
)

# %% [markdown]
# ## 9. Clustering
#
# **Diensten.** Hiërarchische clustering (gemiddelde koppeling) op de gezamenlijke agenda. De afstand tussen twee
# diensten is 1 min hun aandeel: het best passende paar staat dus op zijn echte afstand, niet op 0. In de cellen staat
# weer het aandeel met waarop het rust.

# %%
shares = affinity.lens_share(data, lens, **reading)
basis = affinity.lens_basis(data, lens, **reading)
link = clustering.service_linkage(shares)
grid = plots.clustered_heatmap(
    shares,
    row_linkage=link,
    col_linkage=link,
    lang=lang,
    title=text("affinity.cluster.services", lang, lens=affinity.lens_label(lens, lang)),
    value_label=affinity.lens_label(lens, lang),
    annot=plots.basis_annotations(shares, basis, counts=affinity.lens_matrix(data, lens, **reading), lang=lang),
)
style.keep_figure(grid, out_dir, f"cluster_services_{lens}")

# %% [markdown]
# **Naast de boom: de paarwaarden en de samenvoegingen.** Links de zes paren, hoogste aandeel eerst; rechts in welke
# volgorde de boom de diensten samenvoegt en op welke hoogte.

# %%
pairs = affinity.pair_affinity(data, **reading)
pairs = pairs[pairs["lens"] == lens].sort_values("share", ascending=False, kind="stable")
pd.DataFrame(
    {
        "paar": pairs["service_a"] + "–" + pairs["service_b"],
        "uitkomst": [affinity.basis_text(v, n, lens, lang) for v, n in zip(pairs["value"], pairs["n_items"])],
        "aandeel": pairs["share"].map(number),
        "afstand (1 − aandeel)": (1 - pairs["share"]).map(number),
    }
).reset_index(drop=True)

# %%
codes = list(shares.index)
steps = clustering.merge_steps(link, codes)
merges = pd.DataFrame(
    {
        "stap": steps["step"],
        "voegt samen": [f"{' + '.join(a)}  met  {' + '.join(b)}" for a, b in zip(steps["first"], steps["second"])],
        "hoogte (gemiddelde afstand)": steps["height"].map(number),
        "gemiddeld aandeel": steps["share"].map(number),
    }
).set_index("stap")
merges

# %%
SYNTHETIC = 28  # de grootte van de synthetische testset (odsamen synth)
first_pair = merges["voegt samen"].iloc[0].replace("  met  ", "–")
Markdown(
    f"Wat de boom over {len(codes)} diensten kan en niet kan laten zien. Hij voegt eerst {first_pair} samen, op "
    f"hoogte {merges['hoogte (gemiddelde afstand)'].iloc[0]}: dat is 1 min het aandeel van dat paar. Elke volgende "
    "samenvoeging is een gemiddelde van paarwaarden die al in de tabel staan. Met vier diensten tekent de boom dus "
    f"alleen de {len(pairs)} paarwaarden opnieuw, in een andere vorm; hij voegt geen kennis toe over coalities van "
    "drie of vier diensten, en zegt niets over hoe zeker de paarwaarden zijn (dat staat in de cellen). Lees hier de "
    "paartabel, niet de boom. Een boom verdient zijn plek bij grotere aantallen, zoals de synthetische set van "
    f"{SYNTHETIC} diensten, waar niemand {SYNTHETIC * (SYNTHETIC - 1) // 2} paren uit een tabel overziet."
)

# %% [markdown]
# **Opgaven.** Welke opgaven lijken op elkaar in hoe de diensten er meerwaarde in zien? De clustering gebruikt hier
# bewust vaste keuzes, los van de parameters: `advisor="exclude"` en `unknown="missing"`. De opgave-scores van OFGV
# zijn door de adviseurs ingevuld en bijna allemaal `+`; zo'n bijna constante kolom zou de groepering sturen zonder
# iets over de opgaven te zeggen. Een `?` als 0 zou een middenoordeel verzinnen. Beide blijven dus buiten de afstanden;
# de gearceerde cellen zijn `?` of niet ingevuld.

# %%
task_options = {"dimension": "task", "measure": "added_value", "unknown": "missing", "advisor": "exclude"}
task_added = clustering.item_profiles(data, **task_options)
left_out = [code for code in data.service_codes if code not in task_added.columns]
grid = plots.clustered_heatmap(
    task_added.T,
    col_linkage=clustering.item_linkage(data, **task_options),
    row_cluster=False,
    lang=lang,
    title=text("affinity.cluster.items", lang, measure=text("measure.added_value", lang)),
    value_label=text("affinity.score_scale", lang),
    labels=data.item_labels(lang),
)
style.keep_figure(grid, out_dir, "cluster_tasks_added_value")

# %%
n_open = int(task_added.isna().sum().sum())
task_link = clustering.item_linkage(data, **task_options)
n_zero = int((task_link[:, 2] == 0).sum())
symbol_of = {value: symbol for symbol, value in SYMBOL_VALUES.items()}
shown = " en ".join(f"`{symbol_of[value]}`" for value in sorted(set(task_added.stack())))
Markdown(
    f"Zonder de scores van de adviseurs blijft er voor {', '.join(left_out) or 'geen enkele dienst'} niets over "
    f"bij de opgaven; de figuur toont dus {len(task_added.columns)} diensten, met {n_open} open cellen. "
    f"{n_zero} van de {len(task_link)} samenvoegingen liggen op hoogte 0: die opgaven kregen van de diensten die ze allebei scoorden "
    "precies dezelfde scores (waar een cel open is, telt alleen wat beide hebben). Met zo weinig kolommen en "
    f"alleen {shown} is ook deze boom vooral een ordening van de tabel: lees hem als 'welke opgaven krijgen ongeveer dezelfde scores', "
    "niet als een vaste indeling."
)

# %% [markdown]
# ## 10. Wat zegt het rapport, en wat zeggen de gegevens?
#
# Het rapport trekt een aantal conclusies over de diensten. Hieronder staat elke conclusie in eigen woorden, met de
# toets op de gegevens en het oordeel. De laatste regel gaat over het paar dat bovenaan de gezamenlijke agenda staat.
# De conclusies berusten ook op de gesprekken met de directeuren; de tabellen zijn maar een deel daarvan. Een afwijking
# betekent dus niet dat het rapport fout is, wel dat de scores het niet (helemaal) dragen.

# %%
claims.claims_table(data, unknown=unknown, lang=lang)

# %% [markdown]
# ## 11. Waar de gegevens en het rapport het eens zijn over het paar NHN–IJmond, en waar niet
#
# Het rapport ziet vooral bij NHN en IJmond reden om nauwer samen te werken: door hun omvang, hun ligging naast elkaar
# en de opgaven die ze delen. Het schrijft ook dat ze elkaar bij de toekomstige opgaven aanvullen, en stelt voor een
# federatie van die twee te verkennen. NZKG zoekt volgens het rapport eerder thematische partners buiten de regio, en
# OFGV weegt de Noord-Hollandse diensten af tegen diensten in de buurt buiten de provincie.

# %%
top = affinity.top_pair(data)
pair_name = top["pairs"][0]
task_pairs = affinity.pair_affinity(data, dimension="task")
complement = affinity.pair_row(task_pairs, "complementarity", "NHN", "IJmond")
task_complement = task_pairs[task_pairs["lens"] == "complementarity"]
rank = int((task_complement["share"] > complement["share"]).sum()) + 1
gives = affinity.complementarity_directed(data, dimension="task")
Markdown(
    f"**Eens: het paar.** {pair_name} staat bovenaan de gezamenlijke agenda: "
    f"{affinity.basis_text(top['value'], top['n_items'], lens, lang)} (aandeel {number(top['share'])}); het "
    f"volgende paar komt op {number(top['next_share'])}. "
    + (
        f"Dat blijft zo onder alle {len(READINGS)} lezingen, steeds met ten minste "
        f"{number(affinity.CLOSE_MARGIN)} voorsprong."
        if top["stable"]
        else "Onder een andere lezing is die voorsprong kleiner dan de marge of staat een ander paar bovenaan."
    )
    + "\n\n"
    f"**Deels: het aanvullen.** Bij de toekomstige opgaven is geven en nemen tussen NHN en IJmond beperkt: "
    f"{affinity.basis_text(complement['value'], complement['n_items'], 'complementarity', lang)} "
    f"(aandeel {number(complement['share'])}, plaats {rank} van {len(task_complement)} paren). "
    f"IJmond kan op {int(gives.loc['IJmond', 'NHN'])} opgaven iets geven aan NHN, NHN op "
    f"{int(gives.loc['NHN', 'IJmond'])} aan IJmond. Wat het paar bindt, is dus vooral een gedeelde agenda "
    "(beide regionaal, beide meerwaarde), niet dat de een heeft wat de ander mist."
)

# %%
scores = data.scores.astype({"service": str, "source": str, "score": str})
ofgv_advisor = scores[(scores["service"] == "OFGV") & (scores["source"] == "advisor")]
n_positive = int(ofgv_advisor["score"].isin(["+", "++"]).sum())
prefs = data.preferences.astype({"service": str, "item": str, "levels": str})
answered = prefs[~prefs["levels"].isin(["", "?"])].groupby("service")["item"].nunique()
default = affinity.pair_affinity(data)
without = affinity.pair_affinity(data, advisor="exclude")
added_in = affinity.pair_row(default, "shared_added_value", "NHN", "OFGV")
added_out = affinity.pair_row(without, "shared_added_value", "NHN", "OFGV")
scale = affinity.pair_row(default, "scale_agreement", "NHN", "OFGV")
agenda = affinity.pair_row(default, "joint_agenda", "NHN", "OFGV")
nhn_ijmond = affinity.pair_row(default, lens, "NHN", "IJmond")
Markdown(
    "**Waarom een eerdere maat OFGV bovenaan zette voor NHN.** Een eerdere versie van deze analyse had een "
    "'gecombineerde' lens: het gemiddelde van vier lenzen, zonder te zeggen waarop elk getal rustte. Die zette OFGV "
    "net vóór IJmond als partner van NHN. Twee dingen in de gegevens verklaren dat.\n\n"
    f"* De adviseurs vulden voor OFGV {len(ofgv_advisor)} scores in (alle opgaven, eigen stand en meerwaarde); "
    f"daarvan zijn er {n_positive} `+` of `++`. Met die scores ziet het paar NHN–OFGV gedeelde meerwaarde op "
    f"{affinity.basis_text(added_in['value'], added_in['n_items'], 'shared_added_value', lang)} "
    f"(aandeel {number(added_in['share'])}); zonder die scores op "
    f"{affinity.basis_text(added_out['value'], added_out['n_items'], 'shared_added_value', lang)} "
    f"(aandeel {number(added_out['share'])}).\n"
    f"* OFGV noemde maar voor {int(answered.get('OFGV', 0))} van de {len(data.items)} onderdelen een schaalvoorkeur "
    f"(NHN voor {int(answered.get('NHN', 0))}). Een aandeel over zo weinig onderdelen kan hoog uitvallen: zelfde "
    f"schaal voor NHN–OFGV is {number(scale['share'])} over {int(scale['n_items'])} onderdelen, de gezamenlijke "
    f"agenda {affinity.basis_text(agenda['value'], agenda['n_items'], lens, lang)}. Beide rusten op weinig "
    "bewijs, en dat staat er nu bij.\n\n"
    "Met de basis erbij en de gezamenlijke agenda als enige samengestelde maat verdwijnt die voorsprong: voor NHN "
    f"haalt IJmond daar {number(nhn_ijmond['share'])} en OFGV {number(agenda['share'])}."
)

# %%
Markdown(
    "**Eens, met een andere reden: NZKG en OFGV.** "
    + " ".join(
        f"{service}: {verdict_words(data, affinity.partner_verdict(data, service, lens=lens), lang)}"
        for service in ("NZKG", "OFGV")
    )
    + " Ook het rapport noemt voor geen van beide één vaste partner binnen de vier: NZKG zoekt het eerder in "
    "thematische samenwerking daarbuiten (al ziet het rapport NZKG wel in een expertisecentrum met NHN en IJmond), "
    "en OFGV moet nog kiezen tussen de Noord-Hollandse diensten en andere buren. De gegevens laten zien waarom het "
    "antwoord open blijft: bij NZKG liggen twee partners gelijk op, bij OFGV rust de voorste uitkomst op te weinig "
    "ingevulde voorkeuren."
)
