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
# # 03 · Coalities: wat zeggen de scores over de vormen van samenwerking en over het advies?
#
# Het rapport noemt vier vormen van samenwerking, van licht naar zwaar: convenant, expertisecentrum, federatie en fusie
# (met als variant een gedeeltelijke fusie of taakoverdracht). Per groep diensten geeft het een advies, elk met een
# eigen reden. Dit notebook legt die redenen naast de scores. Het zegt per advies wat de scores ervoor en ertegen
# laten zien, en waarover ze niets zeggen.
#
# Twee dingen vooraf. De vormen zijn alternatieven van toenemende intensiteit: een convenant past overal waar een
# federatie past, dus oordelen tellen we nooit bij elkaar op. En de scores kunnen een lichte vorm niet onderscheiden van
# een bindende; ze laten zien hoe breed de gezamenlijke agenda van een groep is, en waar de ene dienst de andere kan
# helpen. De drempels, de regel welke schaalniveaus meetellen en hoe een `?` telt, zijn keuzes van dit project. Paragraaf
# 6 laat zien wat er verandert als je ze anders kiest.
#
# 1. Coalities en de feiten per onderdeel
# 2. Agenda en hulp per coalitie
# 3. Wie kan wie helpen, en waarbij
# 4. De vormen per coalitie
# 5. Het advies van het rapport naast de scores
# 6. De rekenregels als varianten
# 7. Bij meer diensten

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

check_parameters(globals(), "03-coalitions")  # eerst, vóór de imports: een onbekende naam of waarde stopt hier met een duidelijke fout

import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd
from IPython.display import Markdown

from odsamen.analysis import coalitions, evidence, synth
from odsamen.analysis.coalitions import members
from odsamen.analysis.data import load_dataset, summary
from odsamen.analysis.scoring import Reading
from odsamen.analysis.shared import find_data_dir
from odsamen.catalogue import join_words
from odsamen.report import plots, style

style.apply_style()
style.notebook_figures()  # figuren op 80 dpi met een palet: klein in git; opgeslagen figuren krijgen hun eigen resolutie
style.notebook_tables(lang)  # tabellen schrijven getallen als de figuren (0,86), elke cel helemaal

data_dir = find_data_dir(data_dir, lang)  # ook vanuit een andere map (papermill vanaf de hoofdmap)
data = load_dataset(data_dir, lang=lang)
reading = Reading(unknown, advisor, levels)
keys = coalitions.coalitions(data)
if out_dir:
    evidence.write_tables(data, out_dir, reading, lang=lang)
Markdown(summary(data, lang))

# %% [markdown]
# ## 1. Coalities en de feiten per onderdeel
#
# Een coalitie is een groep van twee of meer diensten, geschreven als hun codes met `+` ertussen (`NHN+IJmond`). Per
# coalitie en onderdeel is elk feit *ja*, *nee* of *onbepaald*:
#
# | feit | ja als … |
# |---|---|
# | regionaal | elk lid noemt een schaalniveau dat meetelt (standaard de regionale niveaus B en C). Geen antwoord is *niet opgegeven* en laat het feit onbepaald. Niveau A betekent: dit doet de dienst liever zelf. Dat sluit geen vorm uit. |
# | gedeelde wens | elk lid ziet meerwaarde in samenwerking (`+` of `++`). |
# | tekort | een lid schiet (deels) tekort (`-/+`, `-` of `--`) en ziet zelf meerwaarde. |
# | aanbod | een lid is sterk (`+` of `++`). |
# | agenda | regionaal én gedeelde wens: het onderdeel hoort op de *gezamenlijke agenda*. |
# | hulp | de ene dienst schiet tekort en ziet meerwaarde, een andere is sterk en ziet ook meerwaarde, en beide noemen een niveau dat meetelt. De andere leden doen er niet toe. |
#
# Een `?` bij de eigen score is standaard onbepaald: niet zwak en niet sterk.

# %%
sizes = Counter(len(members(key)) for key in keys)
Markdown(
    f"Met {len(data.service_codes)} diensten zijn er {len(keys)} coalities "
    f"({join_words([f'{n} van {size}' for size, n in sorted(sizes.items())], lang)} diensten). "
    f"Met {len(data.items)} onderdelen zijn dat {len(keys) * len(data.items)} combinaties."
)

# %% [markdown]
# ## 2. Agenda en hulp per coalitie
#
# De figuur toont per coalitie (rij) en onderdeel (kolom) of het op de gezamenlijke agenda staat, en of de ene dienst
# daar de andere kan helpen (witte stip). Grijs met kruisjes is onbepaald; een wit driehoekje betekent dat de cel rust
# op een score die de adviseurs invulden.

# %%
ax = plots.coalition_item_chart(data, keys, reading, lang=lang)
style.keep_figure(ax.figure, out_dir, "coalition_items")

# %%
facts = coalitions.coalition_items(data, keys, reading)
counts = (
    facts.assign(
        agenda=facts["agenda"] == "yes",
        bepaald=facts["agenda"] != "undetermined",
        hulp=facts["exchange"] == "yes",
    )
    .groupby("coalition", sort=False)[["agenda", "bepaald", "hulp"]]
    .sum()
    .rename(columns={"agenda": "op de agenda", "bepaald": "agenda bepaald", "hulp": "de een kan de ander helpen"})
    .rename_axis("coalitie")
)
counts

# %% [markdown]
# ## 3. Wie kan wie helpen, en waarbij
#
# Per dienst de onderdelen waar die tekortschiet en meerwaarde ziet, met naast elk de diensten die daar sterk zijn en
# het schaalniveau dat zij noemden. *telt mee* is waar: de helper ziet ook meerwaarde en beide noemen een niveau dat
# onder de schaalregel meetelt. Dit is de basis van elke uitspraak over een expertisecentrum.

# %%
supply = evidence.supply(data, None, reading)
supply.rename(
    columns={
        "service": "dienst",
        "meets": "eigen score",
        "added_value": "meerwaarde",
        "levels": "niveau",
        "supplier": "sterk bij",
        "supplier_meets": "score helper",
        "supplier_added_value": "meerwaarde helper",
        "supplier_levels": "niveau helper",
        "counts": "telt mee",
        "advisor": "adviseurs",
    }
).drop(columns="dimension").set_index(["dienst", "item"])

# %%
per_need = supply[supply["supplier"] != ""].groupby(["service", "supplier"], sort=False)["item"].nunique()
needs = supply.groupby("service", sort=False)["item"].nunique()
Markdown(
    "\n".join(
        f"* {code} schiet tekort en ziet meerwaarde op {needs[code]} onderdelen; daarvan is "
        + join_words([f"{other} sterk op {n}" for other, n in per_need[code].items()], lang)
        + "."
        for code in needs.index
        if code in per_need.index.get_level_values(0)
    )
)

# %% [markdown]
# ## 4. De vormen per coalitie
#
# Per coalitie en vorm het oordeel met de drempels van `data/scenarios.csv`. Dit zijn regels van het project, geen
# uitkomst van de scores; paragraaf 6 laat zien welke oordelen verschuiven met een andere regel. Een volledige fusie
# beoordelen de scores nooit: daarvoor zijn kosten, draagvlak en bestuur nodig.

# %%
table = coalitions.scenario_verdicts(data, keys, reading, lang=lang)
table.assign(oordeel=[coalitions.verdict_label(v, lang) for v in table["verdict"]]).pivot(
    index="coalition", columns="scenario", values="oordeel"
).reindex(index=keys, columns=list(data.scenarios["scenario"])).rename_axis(index="coalitie", columns="vorm")

# %% [markdown]
# ## 5. Het advies van het rapport naast de scores
#
# Per advies: de reden die het rapport geeft, wat de scores daarover laten zien, het oordeel (*ondersteund*, *deels
# ondersteund*, *tegengesproken* of *niet te toetsen*) en de rekenregels die dat oordeel veranderen. Wat de scores per
# advies kunnen toetsen, staat in `data/advice.csv` (kolommen `test`, `focus` en `about`; zie `data/README.md`).

# %%
comparison = evidence.advice_comparison(data, table, lang=lang, reading=reading)
comparison.assign(
    oordeel=[evidence.evidence_label(e, lang) for e in comparison["evidence"]],
    houding=[coalitions.stance_label(s, lang) for s in comparison["stance"]],
)[["coalition", "scenario", "houding", "oordeel", "depends_on", "facts", "beyond"]].rename(
    columns={"coalition": "groep", "scenario": "vorm", "depends_on": "hangt af van", "facts": "wat de scores laten zien"}
).set_index(["groep", "vorm"])

# %%
found = evidence.advice_evidence(data, reading)
by_evidence = Counter(row.evidence for row in found)
Markdown(
    "Van de "
    + f"{len(found)} adviezen: "
    + join_words([f"{by_evidence[e]} {evidence.evidence_label(e, lang)}" for e in evidence.EVIDENCE if by_evidence[e]], lang)
    + ". "
    + "Per advies in één zin, met de regel die het oordeel verandert:\n\n"
    + "\n".join(
        f"* **{coalitions.scenario_label(data, row.advice.scenario, lang)} {coalitions.coalition_label(row.advice.coalition, lang)}** "
        f"({coalitions.stance_label(row.advice.stance, lang)}): {evidence.plain_sentence(data, row, lang)} "
        f"{evidence.depends_words(row, lang)}"
        for row in found
    )
)

# %% [markdown]
# ## 6. De rekenregels als varianten
#
# Elke regel die het project koos, is hieronder één keer anders gekozen: de schaalregel (elk niveau van samenwerking telt
# mee; of landelijk eerst met een regionale start, voor de onderdelen die `regional_start` hebben in `data/items.csv`),
# een `?` bij de eigen score als *niet helemaal*, strengere en ruimere drempels, en de scores van de adviseurs weggelaten.
# Per variant: hoeveel oordelen over vormen veranderen, en welke adviezen een ander oordeel krijgen.

# %%
sensitivity = coalitions.scenario_sensitivity(data, keys)
pd.DataFrame(
    [
        {
            "variant": coalitions.variant_label(name, lang),
            "oordelen over vormen die veranderen": int(sensitivity["changed_by"].str.contains(name, regex=False).sum()),
            "adviezen met een ander oordeel": join_words(
                [
                    f"{coalitions.scenario_label(data, row.advice.scenario, lang)} {row.advice.coalition} "
                    f"({evidence.evidence_label(row.depends_on[name], lang)})"
                    for row in found
                    if name in row.depends_on
                ],
                lang,
            )
            or "–",
        }
        for name, _, _ in coalitions.variants(reading)
    ]
).set_index("variant")

# %% [markdown]
# De acht lezingen van de gegevens uit notebook 02 (`?` neutraal of ontbrekend, schaalniveaus per groep of per letter,
# met of zonder adviseurs) veranderen hier alleen iets via de scores van de adviseurs: een `?` is in deze feiten altijd
# onbepaald, en of een niveau meetelt, hangt niet af van het groeperen van letters. Die twee lezingen bewijzen hier dus
# niets; de tabel hierboven noemt alleen wat echt iets verandert.

# %% [markdown]
# ## 7. Bij meer diensten
#
# Met vier diensten is elke groep een coalitie. Bij meer dan zes diensten groeit het aantal groepen te snel; dan
# bekijkt de code alleen paren, drietallen, de diensten van elke regio en alle diensten samen. Als voorbeeld een
# synthetische set (verzonnen scores, alleen om de aantallen te tonen):

# %%
with tempfile.TemporaryDirectory() as folder:
    large = synth.write_synthetic(28, Path(folder) / "synth", seed=3, codebook=data_dir)
    large_keys = coalitions.coalitions(large)
large_sizes = Counter(len(members(key)) for key in large_keys)
Markdown(
    f"Bij {len(large.service_codes)} diensten zijn dat {len(large_keys)} coalities: {large_sizes[2]} paren, "
    f"{large_sizes[3]} drietallen, en verder de groepen per regio en alle diensten samen "
    f"({sum(n for size, n in large_sizes.items() if size > 3)} in totaal). "
    f"Eén figuur zoals in paragraaf 2 toont hoogstens {plots.MAX_COALITION_ROWS} coalities."
)
