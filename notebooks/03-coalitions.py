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
# # 03 · Coalities: welke vorm van samenwerking dragen de scores, en voor welke groep diensten?
#
# Het rapport bespreekt vijf vormen van samenwerking, van een licht convenant tot een volledige fusie, en zegt per groep
# diensten welke vorm het verder wil laten onderzoeken. Dit notebook legt die vormen naast de scores. Per *coalitie*
# (een groep van twee of meer diensten) en per onderdeel bepaalt het zes feiten; daaruit volgt per coalitie en vorm een
# oordeel, en dat oordeel staat daarna naast het advies van het rapport.
#
# De woorden zijn bewust voorzichtig. Een vorm *past* bij de gegevens, of een advies *strookt* ermee; de gegevens
# *bevelen niets aan*. Het zijn zelfbeoordelingen van de diensten, per onderdeel gegeven en niet per coalitie, en het
# advies van het rapport rust ook op gesprekken die niet in de tabellen staan.
#
# 1. Coalities, de zes feiten en de regels
# 2. Per coalitie en onderdeel: agenda en uitwisseling
# 3. Welke vorm past bij welke coalitie?
# 4. Naast het advies van het rapport
# 5. Gevoeligheid: lezingen en drempels
# 6. Bij meer diensten

# %% tags=["parameters"]
# Parameters: papermill vervangt deze waarden bij een run vanaf de opdrachtregel.
data_dir = "../data"  # map met de tabellen (zie data/README.md); een relatief pad mag vanaf hier, notebooks/ of de hoofdmap
lang = "nl"  # taal van figuren en tabellen: "nl" of "en"
unknown = "neutral"  # lezing van '?' in gemiddelden: "neutral" (telt als 0) of "missing" (telt niet mee)
advisor = "include"  # scores die de adviseurs invulden: "include" (meetellen) of "exclude" (weglaten)
levels = "grouped"  # schaalniveaus vergelijken: "grouped" (alleen / regionaal / landelijk) of "exact" (per letter)
out_dir = ""  # leeg: niets wegschrijven; anders komen figures/ en tables/ in deze map

# %%
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd
from IPython.display import Markdown

from odsamen.analysis import coalitions, scoring, synth
from odsamen.report import plots, style
from odsamen.analysis.affinity import LOW_EVIDENCE_SHARE
from odsamen.catalogue import format_number, join_words, text
from odsamen.analysis.coalitions import members
from odsamen.analysis.data import load_dataset, summary
from odsamen.analysis.shared import find_data_dir
from odsamen.analysis.scoring import READINGS, Reading

style.apply_style()
style.notebook_figures()  # figuren op 80 dpi met een palet: klein in git; opgeslagen figuren krijgen hun eigen resolutie
pd.set_option("display.max_colwidth", None)  # tabellen tonen elke cel helemaal, zonder "…"

data_dir = find_data_dir(data_dir)  # ook vanuit een andere map (papermill vanaf de hoofdmap)
data = load_dataset(data_dir)
reading = Reading(unknown, advisor, levels)
keys = coalitions.coalitions(data)
figures = Path(out_dir) / "figures" if out_dir else None


def keep(figure, name: str) -> None:
    """Bewaar de figuur in out_dir/figures als out_dir is gezet; anders gebeurt er niets."""
    if figures is not None:
        style.save_figure(figure, figures, name)


def number(value: float, decimals: int = 2) -> str:
    return format_number(value, lang, decimals)


def listing(words) -> str:
    """'a', 'a en b', 'a, b en c' (Babel, through the catalogue)."""
    return join_words(words, lang)


def item_names(items) -> str:
    return listing(data.item_label(item, lang) for item in items)


def form(scenario: str) -> str:
    return coalitions.scenario_label(data, scenario, lang)


def group(key: str) -> str:
    return coalitions.coalition_label(key, lang)


if out_dir:
    coalitions.write_tables(data, out_dir, reading, lang=lang)
Markdown(summary(data, lang))

# %% [markdown]
# ## 1. Coalities, de zes feiten en de regels
#
# **Coalitie.** Een coalitie is hier een groep van twee of meer diensten, geschreven als hun codes met `+` ertussen
# (`NHN+IJmond`). Bij vier diensten bekijken we elke mogelijke groep.
#
# **Zes feiten per coalitie en onderdeel.** Voor elk onderdeel (een robuustheidscriterium of een toekomstige opgave)
# is elk feit *ja*, *nee* of *onbepaald*:
#
# | feit | in gewone woorden: ja als … |
# |---|---|
# | regionaal | elk lid noemt voor dit onderdeel een regionaal schaalniveau (B of C). Noemt een lid alleen 'zelfstandig' (A) of alleen landelijke niveaus, dan is het nee. |
# | gedeelde wens | elk lid ziet meerwaarde in samenwerking (`+` of `++`). |
# | tekort | een lid schiet (deels) tekort (`-/+`, `-` of `--`) en ziet zelf meerwaarde. |
# | aanbod | een lid is sterk (`+` of `++`). |
# | agenda | regionaal én gedeelde wens: het onderdeel hoort op de *gezamenlijke agenda* van de coalitie. |
# | uitwisseling | op de agenda, met een tekort én een aanbod: de een kan de ander helpen. |
#
# Onbepaald is een feit als het afhangt van een `?`, van een lid dat geen schaalvoorkeur gaf, of (met
# `advisor="exclude"`) van een score die de adviseurs invulden. Onbepaald telt nooit als ja of nee. Omdat elk lid moet
# meedoen, kan een extra lid de agenda van een coalitie alleen kleiner of onzekerder maken, nooit groter.

# %%
sizes = Counter(len(members(key)) for key in keys)
size_words = {2: "paren", 3: "drietallen"}
parts = [
    f"{n} {size_words.get(size, f'groepen van {size}')}"
    for size, n in sorted(sizes.items())
    if size < len(data.service_codes)
]
Markdown(
    f"Met {len(data.service_codes)} diensten zijn dat {len(keys)} coalities: {listing(parts)}, en de groep van alle "
    f"{len(data.service_codes)}. Samen met {len(data.items)} onderdelen geeft dat {len(keys) * len(data.items)} "
    "combinaties van coalitie en onderdeel, elk met zes feiten."
)

# %% [markdown]
# **De regels per vorm.** `data/scenarios.csv` beschrijft elke vorm van samenwerking uit het rapport (hoofdstuk 3, met de
# pagina's) en geeft de maat en de drempels die de code leest. De tabel hieronder toont ze; de voorwaarden zijn in eigen
# woorden samengevat.

# %%
MEASURES = {
    "agenda_items": "aantal onderdelen op de gezamenlijke agenda",
    "exchange_items": "aantal onderdelen met uitwisseling",
    "agenda_share": "aandeel van de bepaalde onderdelen dat op de agenda staat",
    "": "geen: de gegevens beslissen hier niet over",
}
scope_words = {
    "all": f"alle {len(data.items)}",
    "robustness": f"de {len(data.item_codes('robustness'))} robuustheidscriteria",
    "task": f"de {len(data.item_codes('task'))} toekomstige opgaven",
}


def threshold(scenario, value) -> str:
    if not scenario.decides or pd.isna(value):
        return "–"
    return number(value, 2 if scenario.measure == "agenda_share" else 0)


rules = pd.DataFrame(
    [
        {
            "vorm": form(s.scenario),
            "maat": MEASURES[s.measure],
            "over": scope_words[s.dimension],
            "past vanaf": threshold(s, s.fits_at),
            "deels vanaf": threshold(s, s.partly_at),
            "blokkeert": (
                f"een lid dat bij {item_names(s.blocking_items)} alleen A noemt" if s.blocking_items else "–"
            ),
            "voorwaarden (rapport, in eigen woorden)": getattr(s, f"conditions_{lang}"),
            "pagina": s.where,
        }
        for s in data.scenarios.itertuples(index=False)
    ]
).set_index("vorm")
rules

# %%
deciding = data.scenarios[data.scenarios["decides"].astype(bool)]
undecided = data.scenarios[~data.scenarios["decides"].astype(bool)]
Markdown(
    "**De drempels zijn een keuze van dit project, niet van het rapport.** Het rapport beschrijft de vormen in woorden "
    "en noemt geen aantallen onderdelen; de getallen hierboven zijn gekozen om over te kunnen praten en staan in één "
    "bestand, zodat iedereen ze kan aanpassen. Paragraaf 5 laat zien welke oordelen verschuiven bij een strengere of "
    "ruimere drempel.\n\n"
    f"Een vorm *past* als de maat de eerste drempel haalt, *past deels* bij de tweede, en *past niet* daaronder. Is "
    f"minder dan {number(LOW_EVIDENCE_SHARE * 100, 0)}% van de onderdelen bepaald en past de vorm niet, dan is het "
    "oordeel *niet te bepalen*. "
    + " ".join(
        f"{form(s.scenario)} past niet als een lid bij {item_names(s.blocking_items)} alleen zelfstandig wil blijven "
        "(niveau A)."
        for s in deciding.itertuples(index=False)
        if s.blocking_items
    )
    + "\n\n"
    + " ".join(
        f"**{form(s.scenario)} beslissen de gegevens nooit.** Of zo'n stap loont, hangt af van financiën, draagvlak en "
        "bestuur, en daarover zeggen de scores niets. Het oordeel is daarom altijd *niet te bepalen*; de reden noemt "
        "alleen de onderdelen waarop elk lid juist zelfstandig wil blijven."
        for s in undecided.itertuples(index=False)
    )
)

# %% [markdown]
# ## 2. Per coalitie en onderdeel: agenda en uitwisseling
#
# De figuur toont voor elke coalitie (rij) en elk onderdeel (kolom) twee van de zes feiten: staat het onderdeel op de
# gezamenlijke agenda, en is het een onderdeel met uitwisseling? Een donkere cel met een witte stip is uitwisseling, een
# middelpaarse cel staat alleen op de agenda (met een `?` als niet te bepalen is of er uitwisseling is), een bijna witte
# cel staat niet op de agenda en een grijze cel met kruisjes is onbepaald. Een wit driehoekje betekent dat de cel rust op
# een score die de adviseurs invulden. De lijnen scheiden paren, drietallen en de groep van allemaal, en de
# robuustheidscriteria van de opgaven.

# %%
ax = plots.coalition_item_chart(data, keys, reading, lang=lang)
keep(ax.figure, "coalition_items")

# %%
facts = coalitions.coalition_items(data, keys, reading)
per_coalition = []
for key, part in facts.groupby("coalition", sort=False):
    exchange = part.loc[part["exchange"] == "yes", "item"]
    per_coalition.append(
        {
            "coalitie": key,
            "leden": len(members(key)),
            "op de agenda": int((part["agenda"] == "yes").sum()),
            "agenda bepaald": int((part["agenda"] != "undetermined").sum()),
            "uitwisseling": len(exchange),
            "onderdelen met uitwisseling": item_names(exchange) or "–",
        }
    )
counts = pd.DataFrame(per_coalition).set_index("coalitie")
counts

# %%
largest = counts["op de agenda"].max()
leaders = counts.index[counts["op de agenda"] == largest]
with_exchange = counts[counts["uitwisseling"] > 0]
empty = counts.index[counts["op de agenda"] == 0]
ofgv = [key for key in keys if "OFGV" in members(key)]
others = [key for key in keys if "OFGV" not in members(key)]
open_ofgv = counts.loc[ofgv, "agenda bepaald"]
named = scoring.named_letters(data)
ofgv_named = len({item for code, item in named if code == "OFGV"})
open_others = counts.loc[others, "agenda bepaald"]
Markdown(
    f"De grootste gezamenlijke agenda heeft {listing(leaders)}: {largest} onderdelen, van de "
    f"{counts.loc[leaders[0], 'agenda bepaald']} waarover de agenda te bepalen is. "
    + (
        f"Uitwisseling, waarbij de een de ander kan helpen, is er maar bij {len(with_exchange)} coalities, steeds op "
        f"{listing(sorted({str(n) for n in with_exchange['uitwisseling']}))} onderdeel: "
        + "; ".join(f"{key}: {row['onderdelen met uitwisseling']}" for key, row in with_exchange.iterrows())
        + ". "
        if len(with_exchange)
        else "Geen enkele coalitie heeft een onderdeel met uitwisseling. "
    )
    + (f"Geen enkel onderdeel staat op de agenda van {listing(empty)}. " if len(empty) else "")
    + f"Bij de coalities met OFGV is de agenda op {open_ofgv.min()} tot {open_ofgv.max()} van de {len(data.items)} "
    f"onderdelen te bepalen, bij de andere op {open_others.min()} tot {open_others.max()}: OFGV noemde maar voor "
    f"{ofgv_named} van de {len(data.items)} onderdelen een schaalniveau, dus bij OFGV blijft veel open. Daar komen de "
    "driehoekjes bij: de scores van OFGV op de opgaven vulden de adviseurs in."
)

# %% [markdown]
# ## 3. Welke vorm past bij welke coalitie?
#
# Per coalitie en vorm het oordeel volgens de regels van paragraaf 1, onder de lezing uit de parameters.

# %%
table = coalitions.scenario_verdicts(data, keys, reading, lang=lang)
forms = list(data.scenarios["scenario"])
pivot = (
    table.assign(oordeel=[coalitions.verdict_label(v, lang) for v in table["verdict"]])
    .pivot(index="coalition", columns="scenario", values="oordeel")
    .reindex(index=keys, columns=forms)
    .rename(columns=form)
    .rename_axis(index="coalitie", columns="vorm")
)
pivot

# %% [markdown]
# **Waarom: de sterkste oordelen per coalitie.** Per coalitie de vormen met het beste oordeel (*past*, anders *past
# deels*), met de reden zoals de code hem geeft. Een coalitie waarbij geen vorm (deels) past, staat er met één regel.

# %%
RANK = {"fits": 0, "partly": 1}
best_rows = []
for key in keys:
    own = table[(table["coalition"] == key) & table["verdict"].isin(list(RANK))]
    if own.empty:
        best_rows.append({"coalitie": key, "vorm": "–", "oordeel": "geen vorm past (deels)", "reden": ""})
        continue
    top = own[own["verdict"].map(RANK) == own["verdict"].map(RANK).min()]
    for row in top.itertuples(index=False):
        best_rows.append(
            {
                "coalitie": key,
                "vorm": form(row.scenario),
                "oordeel": coalitions.verdict_label(row.verdict, lang),
                "reden": row.reason,
            }
        )
pd.DataFrame(best_rows).set_index(["coalitie", "vorm"])

# %%
points = (
    table.assign(punten=table["verdict"].map(coalitions.SCORES))
    .groupby("coalition", sort=False)["punten"]
    .sum()
)
lines = []
for service in data.service_codes:
    own = points[[key for key in keys if service in members(key)]]
    best = own[own == own.max()]
    chosen = coalitions.strongest_coalition(data, service, table)
    tie = f" (gelijk met {listing([key for key in best.index if key != chosen])})" if len(best) > 1 else ""
    score = int(own.max())
    lines.append(
        f"* **{service}**: {chosen}, {score} {'punt' if score == 1 else 'punten'}{tie}."
        if chosen
        else f"* **{service}**: geen coalitie waarin een vorm (deels) past."
    )
Markdown(
    f"**Per dienst de coalitie waarin de vormen het best passen** (*past* telt {coalitions.SCORES['fits']} punten, "
    f"*past deels* {coalitions.SCORES['partly']}; bij gelijke stand de kleinste coalitie, dan de volgorde van de "
    "diensten):\n\n" + "\n".join(lines)
)

# %% [markdown]
# ## 4. Naast het advies van het rapport
#
# `data/advice.csv` zet het advies van het rapport (hoofdstuk 4) per coalitie en vorm in een regel: *aangeraden*,
# *optie*, *nu niet* of *afgeraden*, met de pagina en een korte samenvatting in eigen woorden. De code zet elk advies naast
# het oordeel van de gegevens. Een aangeraden vorm die past, of een optie die (deels) past, *strookt* met de gegevens; een
# aangeraden vorm of optie die niet past, *wijkt af*. Een fusie die het rapport nu niet wil en die de gegevens niet kunnen
# beoordelen, strookt ook. Een afwijking zegt niet dat het rapport fout is: het rapport steunt ook op gesprekken met de
# directeuren. Wel zegt het dat de scores het advies niet (helemaal) dragen.

# %%
comparison = coalitions.advice_comparison(data, table, lang=lang)
notes = data.advice.set_index(["coalition", "scenario"])[f"note_{lang}"]
pd.DataFrame(
    {
        "coalitie": comparison["coalition"],
        "vorm": comparison["scenario"].map(form),
        "rapport": [coalitions.stance_label(s, lang) for s in comparison["stance"]],
        "pagina": comparison["where"],
        "gegevens": [coalitions.verdict_label(v, lang) for v in comparison["verdict"]],
        "vergelijking": [coalitions.agreement_label(a, lang) for a in comparison["agreement"]],
        "advies (in eigen woorden)": [
            notes[(c, s)] for c, s in zip(comparison["coalition"], comparison["scenario"])
        ],
        "reden volgens de gegevens": comparison["reason"],
    }
).set_index(["coalitie", "vorm"])

# %%
found = {(v.coalition, v.scenario): v for v in coalitions.verdicts(data, keys, reading)}
cells = {(row.coalition, row.item): row for row in facts.itertuples(index=False)}
letters = scoring.named_letters(data)
tally = comparison["agreement"].value_counts()


def agenda_items(key: str, dimension: str | None = None) -> list[str]:
    part = facts[(facts["coalition"] == key) & (facts["agenda"] == "yes")]
    if dimension:
        part = part[part["dimension"] == dimension]
    return list(part["item"])


def level_words(code: str, item: str) -> str:
    return "/".join(sorted(letters.get((code, item), set()))) or "geen"


def score_in(key: str, item: str, code: str, field: str) -> str:
    """One member's symbol behind a coalition cell, from its basis (``NHN meets=- added=++ levels=B/C``)."""
    entry = next(part for part in cells[(key, item)].basis.split("; ") if part.startswith(code + " "))
    return entry.split(f"{field}=")[1].split()[0]


def meets(key: str, item: str, code: str) -> str:
    return score_in(key, item, code, "meets")


pair, trio = "NHN+IJmond", "NHN+IJmond+NZKG"
VERBS = {"fits": "*passen*", "partly": "*deels passen*", "does_not_fit": "nog steeds *niet passen*"}
all_four = "+".join(data.service_codes)
lines = [
    f"Van de {len(comparison)} adviesregels stroken er {tally.get('consistent', 0)} met de gegevens, "
    f"{tally.get('partly', 0)} deels en wijken er {tally.get('differs', 0)} af."
]

# federation: the pair against the trio
fed_pair, fed_trio = found[(pair, "federatie")], found[(trio, "federatie")]
dropped = [item for item in agenda_items(pair) if item not in agenda_items(trio)]
not_regional = [item for item in dropped if not (letters.get(("NZKG", item), set()) & data.regional_levels)]
no_want = [item for item in dropped if item not in not_regional]
lines.append(
    f"* **{form('federatie')}.** Voor {group(pair)} past hij: {len(fed_pair.items)} van {fed_pair.n_determined} "
    f"bepaalde onderdelen staan op de gezamenlijke agenda (aandeel {number(fed_pair.value)}). Komt NZKG erbij, dan "
    f"blijven er {len(fed_trio.items)} van {fed_trio.n_determined} over (aandeel {number(fed_trio.value)}, "
    f"{coalitions.verdict_label(fed_trio.verdict, lang)}). Van de {len(dropped)} onderdelen die wegvallen, noemt "
    f"NZKG bij {len(not_regional)} geen regionaal niveau ({item_names(not_regional)})"
    + (
        f"; bij {item_names(no_want)} gaf NZKG voor de meerwaarde "
        + " of ".join(sorted({f"`{score_in(trio, item, 'NZKG', 'added')}`" for item in no_want}))
        if no_want
        else ""
    )
    + ". Het rapport laat de vraag of NZKG zich aansluit open; de scores geven daar nu weinig grond voor."
)

# centre of expertise: the pair against the trio, and the near misses
exp_pair, exp_trio = found[(pair, "expertisecentrum")], found[(trio, "expertisecentrum")]
near = exp_trio.near
near_words = "; ".join(
    f"{data.item_label(item, lang)} (NZKG eigen stand `{meets(trio, item, 'NZKG')}`, niveaus {level_words('NZKG', item)}; "
    + ", ".join(f"{code} `{meets(trio, item, code)}`" for code in ("NHN", "IJmond"))
    + ")"
    for item, _ in near
)
national_only = [
    item
    for item, _ in near
    if letters.get(("NZKG", item)) and not (letters[("NZKG", item)] & (data.regional_levels | {"A"}))
]
nzkg_strong = all(meets(trio, item, "NZKG") in ("+", "++") for item, _ in near)
only_nzkg = all(who == ["NZKG"] for _, who in near)
exp_rule = data.scenarios.set_index("scenario").loc["expertisecentrum"]
would_be = (
    "fits"
    if len(near) >= exp_rule["fits_at"]
    else "partly"
    if len(near) >= exp_rule["partly_at"]
    else "does_not_fit"
)
lines.append(
    f"* **{form('expertisecentrum')}.** Het rapport raadt aan een expertisecentrum van {group(trio)} te onderzoeken; de gegevens "
    f"vinden daar {len(exp_trio.items)} onderdelen met uitwisseling ({coalitions.verdict_label(exp_trio.verdict, lang)}). "
    f"Het paar {group(pair)} alleen heeft er {len(exp_pair.items)} ({item_names(exp_pair.items) or '–'}; "
    f"{coalitions.verdict_label(exp_pair.verdict, lang)}). Bijna-uitwisseling voor het drietal is er op "
    f"{len(near)} onderdelen: {near_words}. Daar schiet NHN of IJmond tekort, "
    + ("is NZKG sterk " if nzkg_strong else "is een lid sterk ")
    + f"en ziet iedereen meerwaarde, maar NZKG noemt bij {len(national_only)} daarvan alleen landelijke of bredere "
    "niveaus, geen regionale. "
    + (
        "Het verschil zit dus in de schaal waarop NZKG wil samenwerken, niet in wat NZKG te bieden heeft. Zou NZKG bij "
        f"die {len(near)} onderdelen ook een regionaal niveau noemen, dan zou het expertisecentrum van het drietal "
        f"volgens dezelfde regel {VERBS[would_be]}."
        if only_nzkg and near
        else ""
    )
)

# partial merger or transfer of tasks
task_pair = found[(pair, "taakoverdracht")]
pair_tasks = agenda_items(pair, "task")
no_gap = [item for item in pair_tasks if cells[(pair, item)].gap == "no"]
gap_no_supply = [
    item for item in pair_tasks if cells[(pair, item)].gap == "yes" and cells[(pair, item)].supply == "no"
]
open_gap = [
    item for item in pair_tasks if "undetermined" in (cells[(pair, item)].gap, cells[(pair, item)].supply)
]
both_strong = all(meets(pair, item, code) in ("+", "++") for item in no_gap for code in members(pair))
nature = "natuurbescherming"
nature_cell = cells[(trio, nature)]
unknown_own = [code for code in members(trio) if meets(trio, nature, code) == "?"]
strong_own = [code for code in members(trio) if meets(trio, nature, code) in ("+", "++")]
lines.append(
    f"* **{form('taakoverdracht')}.** De onderdelen zijn thema's en opgaven, geen takenpakketten: gemeentelijke "
    "VTH-taken of natuurbeheer staan er als zodanig niet in. De code kan dus alleen kandidaat-opgaven aanwijzen. "
    f"Voor {group(pair)} staan {len(pair_tasks)} van de {len(data.item_codes('task'))} opgaven op de gezamenlijke "
    f"agenda, maar bij {len(task_pair.items) or 'geen'} ervan is er uitwisseling ({task_pair.n_determined} opgaven bepaald): "
    f"bij {len(no_gap)} schiet geen van beide tekort"
    + (" (beide `+` of `++`)" if both_strong and no_gap else "")
    + (
        f", bij {item_names(gap_no_supply)} schieten ze allebei tekort en is geen van beide sterk"
        if gap_no_supply
        else ""
    )
    + (f", en bij {item_names(open_gap)} is het tekort of aanbod niet te bepalen" if open_gap else "")
    + ". Wat het paar bij de opgaven bindt, is een gedeelde agenda, niet dat de een heeft wat de ander mist. "
    f"Het dichtst bij het voorbeeld natuurbeheer ligt {data.item_label(nature, lang)}: dat staat "
    + ("wel" if nature_cell.agenda == "yes" else "niet")
    + f" op de agenda van {group(trio)}; {listing(strong_own)} is er sterk, maar {listing(unknown_own)} "
    + ("scoorden" if len(unknown_own) > 1 else "scoorde")
    + " de eigen stand met `?`. Of daar een lid tekortschiet, en dus of er iets over te dragen is, is niet te "
    "bepalen."
)

# all four
conv_all, exp_all, fed_all = (found[(all_four, s)] for s in ("convenant", "expertisecentrum", "federatie"))
with_ofgv = [
    key
    for key in keys
    if "OFGV" in members(key) and found[(key, "expertisecentrum")].verdict in ("fits", "partly")
]
lines.append(
    f"* **Alle {len(data.service_codes)}.** Het rapport raadt een convenant van alle vier af omdat het een kleine "
    "stap zou zijn. De gegevens komen langs een andere weg op hetzelfde uit: op geen enkel onderdeel noemen alle vier "
    f"een regionaal niveau én zien ze allemaal meerwaarde ({len(conv_all.items)} van {conv_all.n_determined} bepaalde "
    "onderdelen op de agenda). Een federatie van de vier blokkeert OFGV, dat bij "
    f"{item_names(sorted({item for _, item in fed_all.blocked_by}))} alleen zelfstandig wil blijven. Voor het "
    f"expertisecentrum dat het rapport voor OFGV als optie noemt, vinden de gegevens bij alle vier "
    f"{len(exp_all.items)} onderdelen met uitwisseling; "
    + (
        f"wel past een expertisecentrum deels bij {listing(with_ofgv)}, steeds op "
        f"{item_names(sorted({i for k in with_ofgv for i in found[(k, 'expertisecentrum')].items}))}."
        if with_ofgv
        else "ook in kleinere groepen met OFGV past het niet."
    )
)
merger = comparison[comparison["scenario"] == "fusie"]
lines.append(
    f"* **{form('fusie')}.** Het rapport wil hem nu niet ({listing(merger['coalition'])}); de gegevens kunnen hem niet "
    "beoordelen. Dat strookt, maar het is geen steun voor of tegen: de afweging ligt bij financiën, draagvlak en bestuur."
)
Markdown("\n".join(lines))

# %% [markdown]
# ## 5. Gevoeligheid: lezingen en drempels
#
# Elk oordeel is opnieuw bepaald onder alle lezingen van de gegevens (`?` neutraal of ontbrekend, scores van de
# adviseurs mee of niet, schaalniveaus per groep of per letter) en met een strengere en een ruimere drempel per vorm.
# Eerst de drempels die daarbij gebruikt zijn:

# %%
variants = coalitions.threshold_variants(data)
names = {"stricter": "strenger", "looser": "ruimer"}
rows = []
for s in deciding.itertuples(index=False):
    decimals = 2 if s.measure == "agenda_share" else 0
    row = {
        "vorm": form(s.scenario),
        "standaard": f"{number(s.fits_at, decimals)} / {number(s.partly_at, decimals)}",
    }
    for name, thresholds in variants.items():
        fits_at, partly_at = thresholds[s.scenario]
        row[names[name]] = f"{number(fits_at, decimals)} / {number(partly_at, decimals)}"
    rows.append(row)
pd.DataFrame(rows).set_index("vorm").rename_axis(columns="past vanaf / deels vanaf")

# %%
SWITCHES = {
    "advisor": text("plots.sensitivity.switch.advisor", lang),
    "levels": text("plots.sensitivity.switch.levels", lang),
    "unknown": text("plots.sensitivity.switch.unknown", lang),
    "thresholds": "strengere of ruimere drempels",
    "combination": text("plots.sensitivity.switch.combination", lang),
}
sensitivity = coalitions.scenario_sensitivity(data, keys)
pd.DataFrame(
    {
        "coalitie": sensitivity["coalition"],
        "vorm": sensitivity["scenario"].map(form),
        "oordeel (standaard)": [coalitions.verdict_label(v, lang) for v in sensitivity["verdict"]],
        "andere oordelen": [
            ", ".join(coalitions.verdict_label(v, lang) for v in others.split(";"))
            for others in sensitivity["other_verdicts"]
        ],
        "verandert door": [
            ", ".join(SWITCHES[switch] for switch in changed.split(", "))
            for changed in sensitivity["changed_by"]
        ],
    }
).set_index(["coalitie", "vorm"])

# %%
n_verdicts = len(keys) * len(deciding)
switches = sensitivity["changed_by"].str.split(", ")
by_reading = int(switches.map(lambda s: s != ["thresholds"]).sum())
by_threshold = int(switches.map(lambda s: "thresholds" in s).sum())
only_threshold = int(switches.map(lambda s: s == ["thresholds"]).sum())
per_switch = {
    name: int(switches.map(lambda s, name=name: name in s).sum()) for name in ("advisor", "levels", "unknown")
}
advice_moves = coalitions.advice_sensitivity(data)
by_reading_advice = advice_moves[~advice_moves["changed_by"].str.startswith("thresholds")]
by_threshold_advice = advice_moves[advice_moves["changed_by"].str.startswith("thresholds")]


def moves(table: pd.DataFrame) -> str:
    return listing(
        f"{form(r.scenario)} {group(r.coalition)} ({names[r.changed_by.split('=')[1]] if r.changed_by.startswith('thresholds') else r.changed_by}: "
        f"{coalitions.agreement_label(r.agreement, lang)} → {coalitions.agreement_label(r.other, lang)})"
        for r in table.itertuples(index=False)
    )


Markdown(
    f"Van de {n_verdicts} oordelen die de gegevens kunnen geven ({len(keys)} coalities maal {len(deciding)} vormen; "
    f"{form('fusie').lower()} blijft altijd *niet te bepalen*) veranderen er {len(sensitivity)} bij een andere lezing "
    f"of drempel. {by_reading} veranderen met de lezing"
    + (", en dat komt steeds door de scores van de adviseurs" if per_switch["advisor"] == by_reading else "")
    + f" (de scores van de adviseurs: {per_switch['advisor']}, de lezing van `?`: {per_switch['unknown']}, "
    f"schaalniveaus per letter: {per_switch['levels']}). {by_threshold} veranderen met de drempels, "
    f"{only_threshold} daarvan alleen daardoor.\n\n"
    "Voor het advies: "
    + (
        f"een andere lezing verandert de vergelijking bij {moves(by_reading_advice)}"
        if len(by_reading_advice)
        else "geen enkele lezing verandert een vergelijking met het advies"
    )
    + "; "
    + (
        f"een andere drempel wel, bij {moves(by_threshold_advice)}."
        if len(by_threshold_advice)
        else "een andere drempel ook niet."
    )
)

# %% [markdown]
# ## 6. Bij meer diensten
#
# Met vier diensten is elke groep een coalitie. Bij meer dan zes diensten groeit het aantal groepen te snel; dan
# bekijkt de code alleen paren, drietallen, de diensten van elke regio en alle diensten samen. Als voorbeeld een
# synthetische set (verzonnen scores, alleen om de aantallen te tonen):

# %%
with tempfile.TemporaryDirectory() as folder:
    large = synth.write_synthetic(28, Path(folder) / "synth", seed=3, codebook=data_dir)
    large_keys = coalitions.coalitions(large)
large_sizes = Counter(len(members(key)) for key in large_keys)
regions = large.services.groupby("region")["code"].count()
Markdown(
    f"Bij {len(large.service_codes)} diensten zijn dat {len(large_keys)} coalities: {large_sizes[2]} paren, "
    f"{large_sizes[3]} drietallen"
    + "".join(
        f", {n} groep(en) van {size}"
        for size, n in sorted(large_sizes.items())
        if size > 3 and size < len(large.service_codes)
    )
    + f" en 1 groep van alle {len(large.service_codes)}. De synthetische set heeft {int((regions >= 2).sum())} regio's "
    "met twee of meer diensten"
    + (
        "; met hoogstens drie diensten per regio zijn dat al paren of drietallen"
        if regions.max() <= 3
        else ""
    )
    + f". Eén figuur "
    f"zoals in paragraaf 2 toont hoogstens {plots.MAX_COALITION_ROWS} coalities; kies bij zo veel diensten dus eerst "
    "welke coalities ertoe doen (bijvoorbeeld die met de eigen dienst en de beste oordelen)."
)
