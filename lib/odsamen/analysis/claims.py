"""What the report itself says about the four services, checked against the data.

The report's page "Analyse samenwerkingsdimensies" draws conclusions about
NHN, IJmond, NZKG and OFGV. Each conclusion is paraphrased here (the words are
in the catalogue under ``claims.*``) and tied to a check on the scores and
preferences. :func:`report_claims` returns, per claim, a sentence of
evidence built from the computed numbers and a verdict: ``agrees`` (every
part of the check holds), ``partly`` (some parts hold), ``disagrees`` (none
holds) or ``not_applicable`` (a service the claim is about is not in the
data, as with synthetic data).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from odsamen.analysis.affinity import (
    ADDED_SYMBOLS,
    CLOSE_MARGIN,
    HEADLINE_LENS,
    basis_text,
    competition_rank,
    complementarity_directed,
    compute,
    service_profile,
    top_pair,
)
from odsamen.analysis.data import Dataset
from odsamen.analysis.scoring import DEFAULT_UNKNOWN, check_unknown, level_letters, with_values
from odsamen.catalogue import check_language, format_number, join_words, text

NHN, IJMOND, NZKG, OFGV = "NHN", "IJmond", "NZKG", "OFGV"
"""The codes of the four services the report speaks about."""
THREE = (IJMOND, NHN, OFGV)
"""The three services the report groups together, apart from NZKG."""
SEVESO = "D"
"""The scale level Seveso+ (national, with the state and inspectorates)."""
NATIONAL = "E"
"""The scale level Omgevingsdiensten NL (all services nationally)."""
CLAIM_ITEMS = {
    "innovation": "innovatie",
    "bi": "bi_en_opleiding",
    "quality": "kwaliteitscriteria",
    "territory": "taken_en_werkgebied",
    "data_item": "datagedreven",
}
"""The items the claims name, by the field that names them in the claim texts."""

REPORT_SOURCE = {"authors": "Galan Groep", "date": "2024-01-07"}
"""The report these claims come from, as its ``assessment.csv`` names it: the claims are checked
only on data of this report, never on another assessment nor on synthetic data (whose authors are
``odsamen synth``, :data:`odsamen.analysis.synth.MADE_BY_FACTS`)."""

VERDICTS = ("agrees", "partly", "disagrees", "not_applicable")
CLAIM_COLUMNS = ("claim", "evidence", "verdict")

Check = Callable[[Dataset, str, str], tuple[str, dict[str, object]]]


# --- small helpers -----------------------------------------------------------


def _verdict(holds: int, total: int) -> str:
    """``agrees`` if every part holds, ``disagrees`` if none does, else ``partly``."""
    if total > 0 and holds == total:
        return "agrees"
    return "disagrees" if holds == 0 else "partly"


def _scores(data: Dataset, dimension: str, measure: str, unknown: str) -> pd.DataFrame:
    """Service x item: the symbol (``score``) and number (``value``) of one dimension and measure."""
    part = data.scores[(data.scores["dimension"] == dimension) & (data.scores["measure"] == measure)]
    part = with_values(part, unknown)
    part = part.assign(
        service=part["service"].astype(str), item=part["item"].astype(str), score=part["score"].astype(str)
    )
    return part.set_index(["service", "item"])[["score", "value"]]


def _listing(values: pd.Series, lang: str) -> str:
    """``"NZKG 1,00; IJmond 0,83"``: services with numbers, highest first, ties in codebook order."""
    ordered = values.sort_values(ascending=False, kind="stable")
    return "; ".join(f"{service} {format_number(value, lang)}" for service, value in ordered.items())


def _named_levels(data: Dataset, service: str, item: str) -> set[str] | None:
    """The levels ``service`` names for ``item`` (all aspects pooled); None if not answered."""
    prefs = data.preferences
    cells = prefs.loc[(prefs["service"] == service) & (prefs["item"] == item), "levels"]
    letters = {letter for cell in cells for letter in level_letters(cell)}
    return letters or None


def _who(services: list[str], lang: str) -> str:
    return join_words(services, lang) if services else text("claims.nobody", lang)


def _mean_profile(data: Dataset, dimension: str, measure: str, unknown: str) -> pd.Series:
    """Mean score per service (codebook order) of one dimension and measure."""
    profile = service_profile(data, unknown=unknown)
    part = profile[(profile["dimension"] == dimension) & (profile["measure"] == measure)]
    return part.set_index(part["service"].astype(str))["mean_score"].reindex(data.service_codes)


def _best_of_others(data: Dataset, item: str, service: str, unknown: str, lang: str) -> tuple[float, str]:
    """The highest ``meets`` score of the other services on a robustness ``item``, as number and text.

    The text is each top symbol with the services that hold it, e.g.
    ``"++ (IJmond)"``; ``-/+`` and ``?`` (as neutral) can tie, so there may
    be more than one symbol.
    """
    scores = _scores(data, "robustness", "meets", unknown).xs(item, level="item")
    others = scores.drop(index=service).dropna(subset=["value"])
    if others.empty:
        return np.nan, text("claims.nobody", lang)
    best = others["value"].max()
    leaders = others[others["value"] == best].groupby("score", sort=False).groups
    return best, "; ".join(f"{symbol} ({', '.join(codes)})" for symbol, codes in leaders.items())


# --- the claims ----------------------------------------------------------------


def _nzkg_most_robust(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """NZKG: highest mean ``meets`` on robustness; on innovation and BI at least level with the best other."""
    means = _mean_profile(data, "robustness", "meets", unknown)
    others = means.drop(index=NZKG)
    parts = [bool(means[NZKG] > others.max())]
    scores = _scores(data, "robustness", "meets", unknown)
    fields = {"means": _listing(means, lang), "leader": NZKG}
    for item, key in (("innovatie", "innovation"), ("bi_en_opleiding", "bi")):
        best, best_text = _best_of_others(data, item, NZKG, unknown, lang)
        parts.append(bool(scores.at[(NZKG, item), "value"] >= best))
        fields |= {key: data.item_label(item, lang), f"leader_{key}": scores.at[(NZKG, item), "score"]}
        fields[f"best_{key}"] = best_text
    return _verdict(sum(parts), len(parts)), fields


def _nzkg_seveso(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """NZKG names Seveso+ (D) for more items than any other service."""
    items = list(data.items["item"])
    counts = pd.Series(
        {
            s: sum(SEVESO in (_named_levels(data, s, item) or set()) for item in items)
            for s in data.service_codes
        }
    )
    others = counts.drop(index=NZKG)
    most = counts[NZKG] > (others.max() if len(others) else 0)
    verdict = "disagrees" if counts[NZKG] == 0 else ("agrees" if most else "partly")
    fields = {
        "leader": NZKG,
        "letter": SEVESO,
        "level": data.level_label(SEVESO, lang),
        "n_service": int(counts[NZKG]),
        "n_items": len(items),
        "others": "; ".join(f"{s} {n}" for s, n in others.items()) or text("claims.nobody", lang),
    }
    return verdict, fields


def _nzkg_gives_more(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """NZKG would give more than it takes: row sum of the directed complementarity above its column sum."""
    directed = complementarity_directed(data, unknown=unknown)
    given, taken = int(np.nansum(directed.loc[NZKG])), int(np.nansum(directed[NZKG]))
    verdict = "agrees" if given > taken else ("partly" if given == taken else "disagrees")
    return verdict, {"leader": NZKG, "given": given, "taken": taken}


def _three_need_cooperation(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """Each of IJmond, NHN, OFGV sees more added value (mean) than NZKG, on robustness and on tasks."""
    fields = {"leader": NZKG, "services": join_words(THREE, lang)}
    above = 0
    for dimension in ("robustness", "task"):
        means = _mean_profile(data, dimension, "added_value", unknown)
        above += int(sum(means[s] > means[NZKG] for s in THREE))
        fields[dimension] = _listing(means, lang)
        fields[f"{dimension}_label"] = text(f"dimension.{dimension}", lang)
    fields |= {"n_above": above, "n_comparisons": 2 * len(THREE)}
    return _verdict(above, 2 * len(THREE)), fields


def _three_national_bi_data(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """IJmond, NHN, OFGV name national cooperation (E) for BI and for data-driven working."""
    fields = {"letter": NATIONAL, "level": data.level_label(NATIONAL, lang)}
    holds = answered = 0
    for item, key in (("bi_en_opleiding", "bi"), ("datagedreven", "data")):
        named = {s: _named_levels(data, s, item) for s in THREE}
        with_answer = [s for s in THREE if named[s] is not None]
        naming = [s for s in with_answer if NATIONAL in named[s]]
        holds, answered = holds + len(naming), answered + len(with_answer)
        fields |= {
            key: data.item_label(item, lang),
            f"n_{key}": len(naming),
            f"answered_{key}": len(with_answer),
            f"who_{key}": _who(naming, lang),
        }
    return _verdict(holds, answered), fields


def _added_value_on(data: Dataset, services: tuple[str, ...], items: tuple[str, ...], unknown: str):
    """Which (service, item) pairs have added value (+ or ++) and which do not, with their symbols."""
    scores = _scores(data, "robustness", "added_value", unknown)
    pairs = [(s, i) for s in services for i in items]
    failing = [
        (s, i, scores.at[(s, i), "score"])
        for s, i in pairs
        if scores.at[(s, i), "score"] not in ADDED_SYMBOLS
    ]
    return len(pairs) - len(failing), len(pairs), failing


def _territory_added_value(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """NZKG, NHN and IJmond score added value + or ++ on ``taken_en_werkgebied``."""
    item = "taken_en_werkgebied"
    holds, total, _ = _added_value_on(data, (NZKG, NHN, IJMOND), (item,), unknown)
    scores = _scores(data, "robustness", "added_value", unknown).xs(item, level="item")["score"]
    fields = {"item": data.item_label(item, lang), "scores": "; ".join(f"{s} {v}" for s, v in scores.items())}
    return _verdict(holds, total), fields


def _three_bi_innovation_quality(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """OFGV, NHN and IJmond score added value + or ++ on BI, innovation and quality criteria."""
    items = ("bi_en_opleiding", "innovatie", "kwaliteitscriteria")
    holds, total, failing = _added_value_on(data, (OFGV, NHN, IJMOND), items, unknown)
    exceptions = "; ".join(f"{s} ‘{data.item_label(i, lang)}’ {score}" for s, i, score in failing)
    fields = {
        "n_holds": holds,
        "n_checks": total,
        "exceptions": exceptions or text("claims.none", lang),
        "added": ", ".join(ADDED_SYMBOLS),
    }
    return _verdict(holds, total), fields


def _pair_standing(data: Dataset, lens: str, a: str, b: str, lang: str, dimension: str | None) -> dict:
    """Share, basis and competition rank of the pair ``a``, ``b`` among all pairs, and the top pair(s)."""
    part = compute(data, lens, dimension=dimension)
    rows, columns = np.triu_indices(len(part.codes), k=1)
    names = [f"{part.codes[i]}–{part.codes[j]}" for i, j in zip(rows, columns, strict=True)]
    shares = pd.Series(part.share[rows, columns], index=names)
    ranks = competition_rank(shares)
    i, j = part.codes.index(a), part.codes.index(b)
    key = f"{a}–{b}" if f"{a}–{b}" in shares.index else f"{b}–{a}"
    top = [k for k, rank in enumerate(ranks) if rank == 1]
    ti, tj = rows[top[0]], columns[top[0]]
    return {
        "value": basis_text(part.value[i, j], part.n_items[i, j], lens, lang),
        "rank": int(ranks[key]),
        "n_pairs": len(shares),
        "top": join_words([names[k] for k in top], lang),
        "top_value": basis_text(part.value[ti, tj], part.n_items[ti, tj], lens, lang),
    }


def _standing_score(rank: int, n_pairs: int) -> int:
    """2 for the top pair (ties count), 1 for a pair in the upper half, else 0."""
    return 2 if rank == 1 else int(rank <= n_pairs / 2)


def _nhn_ijmond_complement(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """NHN–IJmond among all pairs on the future tasks, in complementarity and in shared added value
    (ranked by share of the items determined for each pair).

    Each lens scores 2 if the pair is the top pair (ties count), 1 if it is
    in the upper half of the pairs, else 0: ``agrees`` needs the top on both,
    ``disagrees`` means the lower half on both.
    """
    fields = {
        "a": NHN,
        "b": IJMOND,
        "task_label": text("dimension.task", lang),
        "c_label": text("affinity.lens.complementarity", lang),
        "s_label": text("affinity.lens.shared_added_value", lang),
    }
    score = 0
    for key, lens in (("c", "complementarity"), ("s", "shared_added_value")):
        standing = _pair_standing(data, lens, NHN, IJMOND, lang, "task")
        score += _standing_score(standing["rank"], standing["n_pairs"])
        fields |= {f"{key}_{name}": value for name, value in standing.items()} | {
            "n_pairs": standing["n_pairs"]
        }
    return _verdict(score, 4), fields


def _top_pair(data: Dataset, unknown: str, lang: str) -> tuple[str, dict]:
    """Which pair the data put on top (joint agenda, all items), against the report's NHN–IJmond.

    ``agrees``: NHN–IJmond alone on top, by :data:`CLOSE_MARGIN` or more, under
    every reading; ``partly``: on top, but not alone or not by that margin
    under every reading; ``disagrees``: another pair on top.
    """
    found = top_pair(data, lens=HEADLINE_LENS)
    ours = f"{NHN}–{IJMOND}"
    standing = _pair_standing(data, HEADLINE_LENS, NHN, IJMOND, lang, None)
    if ours in found["pairs"]:
        verdict = "agrees" if found["stable"] else "partly"
    else:
        verdict = "disagrees"
    stability = "claims.top_pair.stable" if found["stable"] else "claims.top_pair.unstable"
    fields = {
        "lens": text(f"affinity.lens.{HEADLINE_LENS}", lang),
        "top": join_words(found["pairs"], lang),
        "n": len(found["pairs"]),
        "top_value": basis_text(found["value"], found["n_items"], HEADLINE_LENS, lang),
        "top_share": format_number(found["share"], lang, 2),
        "next_share": format_number(found["next_share"], lang, 2),
        "pair": ours,
        "pair_value": standing["value"],
        "rank": standing["rank"],
        "n_pairs": standing["n_pairs"],
        "stability": text(stability, lang, margin=format_number(CLOSE_MARGIN, lang, 2)),
    }
    return verdict, fields


def _claims() -> dict[str, tuple[tuple[str, ...], Check]]:
    """Each claim's key, the services it is about and its check, in the report's order."""
    return {
        "nzkg_most_robust": ((NHN, IJMOND, NZKG, OFGV), _nzkg_most_robust),
        "nzkg_seveso": ((NZKG,), _nzkg_seveso),
        "nzkg_gives_more": ((NZKG,), _nzkg_gives_more),
        "three_need_cooperation": ((NHN, IJMOND, NZKG, OFGV), _three_need_cooperation),
        "three_national_bi_data": (THREE, _three_national_bi_data),
        "territory_added_value": ((NZKG, NHN, IJMOND), _territory_added_value),
        "three_bi_innovation_quality": ((OFGV, NHN, IJMOND), _three_bi_innovation_quality),
        "nhn_ijmond_complement": ((NHN, IJMOND), _nhn_ijmond_complement),
        "top_pair": ((NHN, IJMOND), _top_pair),
    }


CLAIMS = tuple(_claims())
"""The keys of the claims, in the report's order."""


def claim_text(data: Dataset, key: str, lang: str = "nl") -> str:
    """The claim ``key`` in our own words, with the codebook's names of items and levels."""
    fields = {"pair_a": NHN, "pair_b": IJMOND, "leader": NZKG, "fourth": OFGV}
    fields |= {name: data.item_label(item, lang) for name, item in CLAIM_ITEMS.items()}
    fields |= {"seveso": data.level_label(SEVESO, lang), "national": data.level_label(NATIONAL, lang)}
    return text(f"claims.{key}.claim", lang, **fields)


def verdict_label(verdict: str, lang: str = "nl") -> str:
    """The reader's words for a verdict code (one of :data:`VERDICTS`)."""
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {', '.join(VERDICTS)}")
    return text(f"claims.verdict.{verdict}", lang)


def report_claims(data: Dataset, *, unknown: str = DEFAULT_UNKNOWN, lang: str = "nl") -> pd.DataFrame:
    """The report's claims about the four services, each with evidence and a verdict; no rows (and
    the reason in ``attrs["skipped"]``) when ``data`` are not this report's (:func:`applies`).

    Returns
    -------
    pandas.DataFrame
        Indexed by claim key (:data:`CLAIMS`, the report's order), columns
        ``claim`` (the claim in our words), ``evidence`` (a sentence of the
        numbers behind the verdict) and ``verdict`` (a code from
        :data:`VERDICTS`; :func:`verdict_label` gives the words). A claim
        about a service missing from ``data`` is ``not_applicable``.
    """
    check_unknown(unknown)
    check_language(lang)
    rows = {}
    if not applies(data):
        table = pd.DataFrame(columns=list(CLAIM_COLUMNS), index=pd.Index([], name="key"))
        table.attrs["skipped"] = skipped(data, lang)
        return table
    for key, (services, check) in _claims().items():
        missing = [s for s in services if s not in data.service_codes]
        if missing:
            verdict, evidence = (
                "not_applicable",
                text("claims.not_applicable", lang, services=join_words(missing, lang), n=len(missing)),
            )
        else:
            verdict, fields = check(data, unknown, lang)
            evidence = text(f"claims.{key}.evidence", lang, **fields)
        rows[key] = (claim_text(data, key, lang), evidence, verdict)
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(CLAIM_COLUMNS))
    table.index.name = "key"
    return table


def applies(data: Dataset) -> bool:
    """Whether ``data`` are this report's (:data:`REPORT_SOURCE`, from ``assessment.csv``)."""
    return all(data.fact(fact) == value for fact, value in REPORT_SOURCE.items())


def skipped(data: Dataset, lang: str = "nl") -> str:
    """Why the claims are not checked on ``data``: they are the conclusions of another document."""
    return text("claims.skipped", lang, source=data.fact("title", lang) or "?")


def claims_table(data: Dataset, *, unknown: str = DEFAULT_UNKNOWN, lang: str = "nl") -> pd.DataFrame:
    """:func:`report_claims` for reading: headings and verdicts in words of ``lang``; on another
    assessment's data one row that says the claims were not checked, and why."""
    table = report_claims(data, unknown=unknown, lang=lang)
    if "skipped" in table.attrs:
        table = pd.DataFrame([(table.attrs["skipped"], "", "not_applicable")], columns=list(CLAIM_COLUMNS))
    table["verdict"] = [verdict_label(verdict, lang) for verdict in table["verdict"]]
    headings = {column: text(f"claims.column.{column}", lang) for column in CLAIM_COLUMNS}
    return table.reset_index(drop=True).rename(columns=headings)
