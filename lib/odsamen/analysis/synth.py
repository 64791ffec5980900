"""Synthetic data for any number of services, to test and benchmark at scale.

The report covers four services; the analysis is wanted for all of the
country's services. :func:`write_synthetic` writes a complete data folder for
``N`` made-up services that ``odsamen validate`` accepts and that looks like
the real data: the frequencies of the score symbols (``?`` and ``-/+``
included) per dimension and measure, the number and order of the preferred
scale letters, and the real data's irregularities (advisor-filled scores,
preferences not given, a cell with two answers) are all estimated from, or
modelled on, the real folder.

Each synthetic service follows one real service as its template for part of
its cells, so that groups of alike services exist for the clustering to find.

Everything it writes is marked synthetic: a ``SYNTHETIC`` marker file (which
sets :attr:`odsamen.analysis.data.Dataset.synthetic`), a ``README.md``, service codes
``SYN01``, ``SYN02``, ..., and the mark in every name, region, context and
note. A synthetic service's context (``context_nl``, ``context_en``) says
that the service and the text are made up.

The codebook (items, scale levels, scenarios) is copied from the real folder;
``advice.csv`` is written with its header only, because the report's advice
names real services. ``assessment.csv`` is the real folder's, except the facts
that say who made the data (:data:`MADE_BY_FACTS`): those say that the data are
made up, after the example of the real source, so that no page footer calls
them a self-assessment in that source.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from odsamen.analysis.data import (
    ADVICE_COLUMNS,
    ASSESSMENT_COLUMNS,
    DIMENSIONS,
    FILES,
    MEASURES,
    PREFERENCE_COLUMNS,
    SCORE_COLUMNS,
    SERVICE_COLUMNS,
    SYMBOLS,
    SYNTHETIC_MARKER,
    Dataset,
    load_dataset,
)
from odsamen.catalogue import LANGUAGES, text

MIN_SERVICES = 2
MAX_SERVICES = 99
DEFAULT_SEED = 20240107
"""The report's date; any fixed number would do, this one is easy to trace."""
CODE_PREFIX = "SYN"
README_FILE = "README.md"
CODEBOOK_FILES = (FILES["items"], FILES["levels"], FILES["scenarios"])
"""Copied unchanged from the real data folder."""
MADE_BY_FACTS = ("title", "authors", "scored_by")
"""The facts of ``assessment.csv`` that synthetic data do not take from the real folder
(``synth.fact.<name>`` in the catalogue); its other facts (the date, the tables' titles and pages,
the words of the rows) describe the source that the synthetic tables imitate."""
SERVICES_PER_REGION = 3
SPLIT_ITEM = "bi_en_opleiding"
SPLIT_ASPECTS = ("opleiding", "bi")
CONTEXT_PAGE = 7
"""The report's page with the real services' contexts, named in every synthetic context."""


class SynthError(ValueError):
    """The synthetic data cannot be written where or as asked.

    Carries a catalogue key and its fields, so the command line can say why
    in the user's language; ``str()`` gives the Dutch message.
    """

    def __init__(self, key: str, **fields: object):
        self.key, self.fields = key, fields
        super().__init__(self.message("nl"))

    def message(self, lang: str) -> str:
        """Why the data cannot be written, in ``lang``."""
        return text(self.key, lang, **self.fields)


@dataclass(frozen=True)
class Habits:
    """How often the irregularities of the real data occur in synthetic data.

    The real data are too few to estimate these from (each happens once in
    four services), so they are set here; every share gives at least one
    service, so each irregularity is present at every size.

    Attributes
    ----------
    resemblance
        Share of a service's cells copied from its template (a real service);
        the rest is drawn from the estimated frequencies.
    advisor_share
        Share of services whose task scores the advisors filled in.
    silent_share
        Share of services that gave no task preferences at all.
    split_share
        Share of services that answered ``bi_en_opleiding`` per aspect.
    unknown_preference_rate
        Chance that a preference cell is ``?``.
    empty_preference_rate
        Chance that a single preference cell is left empty (with a note).
    """

    resemblance: float = 0.5
    advisor_share: float = 0.15
    silent_share: float = 0.1
    split_share: float = 0.1
    unknown_preference_rate: float = 0.04
    empty_preference_rate: float = 0.02


@dataclass(frozen=True)
class Profile:
    """Frequencies estimated from a real data folder.

    Attributes
    ----------
    symbol_weights
        Per ``(dimension, measure)``: the chance of each of :data:`SYMBOLS`.
    letter_weights
        Per dimension: the chance that a preference names each of ``levels``.
    count_weights
        The chance that a preference names 1, 2 or 3 letters.
    unsorted_share
        Share of multi-letter preferences not written in alphabetical order.
    templates
        The real data, whose cells synthetic services copy in part.
    levels
        The scale letters of the real data, in the order of its ``scale_levels.csv``.
    """

    symbol_weights: dict[tuple[str, str], np.ndarray]
    letter_weights: dict[str, np.ndarray]
    count_weights: np.ndarray
    unsorted_share: float
    templates: Dataset
    levels: tuple[str, ...]


def _weights(counts: pd.Series, smoothing: float) -> np.ndarray:
    # Smoothing lets a symbol the four services happened not to use (no `--` for
    # task added value) still occur among many services, at a low rate.
    values = counts.to_numpy(dtype=float) + smoothing
    total = values.sum()
    return values / total if total > 0 else np.full(len(values), 1 / len(values))


def estimate_profile(real: Dataset, *, smoothing: float = 0.5) -> Profile:
    """Estimate symbol and scale-letter frequencies from the real data.

    Parameters
    ----------
    real
        The real data set, whose distributions the synthetic data follow.
    smoothing
        Pseudo-count added to every symbol and letter, so that none is
        impossible.
    """
    scores = real.scores.astype({"score": str, "dimension": str, "measure": str})
    symbols = pd.crosstab([scores["dimension"], scores["measure"]], scores["score"]).reindex(
        index=pd.MultiIndex.from_product([DIMENSIONS, MEASURES]), columns=list(SYMBOLS), fill_value=0
    )
    prefs = real.preferences.astype({"dimension": str})
    given = prefs[~prefs["levels"].isin(["", "?"])]
    letters = given.assign(letter=given["levels"].str.split("/")).explode("letter")
    letter_table = pd.crosstab(letters["dimension"], letters["letter"]).reindex(
        index=list(DIMENSIONS), columns=real.level_codes, fill_value=0
    )
    symbol_weights = {key: _weights(row, smoothing) for key, row in symbols.iterrows()}
    letter_weights = {dimension: _weights(row, smoothing) for dimension, row in letter_table.iterrows()}
    counts = given["levels"].str.count("/").add(1).clip(upper=3).value_counts()
    multi = given.loc[given["levels"].str.contains("/"), "levels"]
    in_order = multi.map(lambda cell: "/".join(sorted(cell.split("/"))))
    unsorted = float((multi != in_order).mean()) if len(multi) else 0.0
    return Profile(
        symbol_weights=symbol_weights,
        letter_weights=letter_weights,
        count_weights=_weights(counts.reindex([1, 2, 3], fill_value=0), 0.0),
        unsorted_share=unsorted,
        templates=real,
        levels=tuple(real.level_codes),
    )


def service_codes(n: int) -> list[str]:
    """The codes of ``n`` synthetic services: ``SYN01``, ``SYN02``, ..."""
    return [f"{CODE_PREFIX}{i:02d}" for i in range(1, n + 1)]


def synthetic_services(n: int, context_page: int = CONTEXT_PAGE) -> pd.DataFrame:
    """The services table for ``n`` synthetic services, about three to a region.

    Names, regions and contexts carry the synthetic mark in both languages;
    each context says the service is made up and that the report describes
    only the real services, on ``context_page``.
    """
    rows = []
    for index, code in enumerate(service_codes(n)):
        number = f"{index + 1:02d}"
        region = f"{index // SERVICES_PER_REGION + 1:02d}"
        rows.append(
            {
                "code": code,
                "name_nl": text("synth.service_name", "nl", number=number),
                "name_en": text("synth.service_name", "en", number=number),
                "region": text("synth.region_name", "nl", number=region),
                "context_nl": text("synth.service_context", "nl", number=number, page=context_page),
                "context_en": text("synth.service_context", "en", number=number, page=context_page),
                "context_page": str(context_page),
            }
        )
    return pd.DataFrame(rows, columns=list(SERVICE_COLUMNS))


def _context_page(real: Dataset) -> int:
    """The page the real services' contexts come from (:data:`CONTEXT_PAGE` if they differ)."""
    pages = set(real.services["context_page"])
    return int(pages.pop()) if len(pages) == 1 else CONTEXT_PAGE


def _pick_services(codes: list[str], share: float, rng: np.random.Generator) -> set[str]:
    """At least one, and about ``share`` of, the services, chosen at random."""
    size = min(len(codes), max(1, round(share * len(codes))))
    return set(rng.choice(codes, size=size, replace=False).tolist())


def _template_of(codes: list[str], real: Dataset) -> dict[str, str]:
    """The real service each synthetic service partly copies, in turn."""
    real_codes = real.service_codes
    return {code: real_codes[index % len(real_codes)] for index, code in enumerate(codes)}


def synthetic_scores(
    profile: Profile, codes: list[str], rng: np.random.Generator, *, habits: Habits, advisor: set[str]
) -> pd.DataFrame:
    """The scores table of the synthetic services ``codes``.

    Each cell is its template's symbol with chance ``habits.resemblance``,
    otherwise drawn from the estimated frequencies; the task scores of the
    services in ``advisor`` are marked as filled in by the advisors.
    """
    real = profile.templates
    lookup = real.scores.astype(str).set_index(["service", "dimension", "item", "measure"])["score"]
    template = _template_of(codes, real)
    rows = []
    for dimension in DIMENSIONS:
        for code in codes:
            source = "advisor" if dimension == "task" and code in advisor else "self"
            for measure in MEASURES:
                weights = profile.symbol_weights[(dimension, measure)]
                for item in real.item_codes(dimension):
                    if rng.random() < habits.resemblance:
                        score = lookup[(template[code], dimension, item, measure)]
                    else:
                        score = str(rng.choice(SYMBOLS, p=weights))
                    rows.append((code, dimension, item, measure, score, source))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def draw_levels(profile: Profile, dimension: str, rng: np.random.Generator) -> str:
    """One preference cell: 1 to 3 distinct scale letters joined by ``/``."""
    count = int(rng.choice([1, 2, 3], p=profile.count_weights))
    count = min(count, len(profile.levels))
    letters = rng.choice(
        profile.levels, size=count, replace=False, p=profile.letter_weights[dimension]
    ).tolist()
    if rng.random() >= profile.unsorted_share:
        letters = sorted(letters)
    return "/".join(letters)


def _preference_cell(
    profile: Profile, dimension: str, copied: str | None, rng: np.random.Generator, habits: Habits
) -> tuple[str, tuple[str, str]]:
    """``(levels, (note, note_en))`` of one ordinary cell; ``copied`` is the template's answer, if usable."""
    chance = rng.random()
    if chance < habits.empty_preference_rate:
        return "", (text("synth.note.cell_empty", "nl"), text("synth.note.cell_empty", "en"))
    if chance < habits.empty_preference_rate + habits.unknown_preference_rate:
        return "?", ("", "")
    if copied is not None and rng.random() < habits.resemblance:
        return copied, ("", "")
    return draw_levels(profile, dimension, rng), ("", "")


def _template_preferences(real: Dataset) -> dict[tuple[str, str, str], str]:
    """The real one-answer, non-empty preference cells by (service, dimension, item)."""
    prefs = real.preferences.astype({"service": str, "dimension": str, "item": str})
    usable = prefs[(prefs["aspect"] == "") & (prefs["levels"] != "")]
    return {(r.service, r.dimension, r.item): r.levels for r in usable.itertuples(index=False)}


def synthetic_preferences(
    profile: Profile,
    codes: list[str],
    rng: np.random.Generator,
    *,
    habits: Habits,
    silent: set[str],
    split: set[str],
) -> pd.DataFrame:
    """The preferences table of the synthetic services ``codes``.

    Services in ``silent`` gave no task preferences (empty cells with a
    note, as one service in the report); services in ``split`` answered
    ``bi_en_opleiding`` separately for training and BI.
    """
    real = profile.templates
    copies = _template_preferences(real)
    template = _template_of(codes, real)
    rows = []
    for dimension in DIMENSIONS:
        for code in codes:
            for item in real.item_codes(dimension):
                if dimension == "task" and code in silent:
                    rows.append(
                        (
                            code,
                            dimension,
                            item,
                            "",
                            "",
                            *(text("synth.note.not_given", lang) for lang in ("nl", "en")),
                        )
                    )
                    continue
                aspects = SPLIT_ASPECTS if item == SPLIT_ITEM and code in split else ("",)
                for aspect in aspects:
                    copied = copies.get((template[code], dimension, item)) if aspect == "" else None
                    levels, note = _preference_cell(profile, dimension, copied, rng, habits)
                    rows.append((code, dimension, item, aspect, levels, *note))
    return pd.DataFrame(rows, columns=list(PREFERENCE_COLUMNS))


def generate(n: int, real: Dataset, *, seed: int = DEFAULT_SEED, habits: Habits | None = None) -> dict:
    """The tables of ``n`` synthetic services, drawn with ``seed`` after ``real``.

    Returns
    -------
    dict
        ``services``, ``scores`` and ``preferences`` DataFrames, laid out
        as the files of the same names in a data folder.
    """
    check_size(n)
    habits = habits or Habits()
    rng = np.random.default_rng(seed)
    profile = estimate_profile(real)
    codes = service_codes(n)
    advisor = _pick_services(codes, habits.advisor_share, rng)
    silent = _pick_services(codes, habits.silent_share, rng)
    split = _pick_services(codes, habits.split_share, rng)
    return {
        "services": synthetic_services(n, _context_page(real)),
        "scores": synthetic_scores(profile, codes, rng, habits=habits, advisor=advisor),
        "preferences": synthetic_preferences(profile, codes, rng, habits=habits, silent=silent, split=split),
    }


def check_size(n: int) -> int:
    """Return ``n`` if it is a number of services we generate, else raise :class:`SynthError`."""
    if not MIN_SERVICES <= n <= MAX_SERVICES:
        raise SynthError("synth.bad_size", n=n, low=MIN_SERVICES, high=MAX_SERVICES)
    return n


def check_target(out: Path, codebook: Path, *, force: bool) -> None:
    """Raise :class:`SynthError` if synthetic data must not be written to ``out``.

    Never into (or under) the real data folder ``codebook`` nor into any
    folder of data not marked synthetic, not even with ``force``; into
    another non-empty folder only with ``force``.
    """
    if out.exists() and not out.is_dir():
        raise SynthError("synth.refuse_file", folder=out)
    real = codebook.resolve()
    inside_real = out.resolve() == real or real in out.resolve().parents
    if inside_real or ((out / FILES["scores"]).exists() and not (out / SYNTHETIC_MARKER).exists()):
        raise SynthError("synth.refuse_real", folder=out)
    if out.is_dir() and any(out.iterdir()) and not force:
        raise SynthError("synth.refuse_nonempty", folder=out)


def readme_text(n: int, seed: int, codebook: Path) -> str:
    """The README of a synthetic data folder, Dutch first, then English."""
    parts = [
        text("synth.readme", lang, n=n, seed=seed, codebook=codebook.as_posix())
        + " "
        + text("synth.readme.scenarios", lang)
        for lang in LANGUAGES
    ]
    return "\n\n".join(parts) + "\n"


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    # csv with "\n" line ends keeps the bytes the same on every platform.
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(frame.columns)
        writer.writerows(frame.itertuples(index=False))


def synthetic_facts(real: Dataset) -> pd.DataFrame:
    """The ``assessment.csv`` of ``real`` with the facts of :data:`MADE_BY_FACTS` saying that the
    data are made up after its example."""
    facts = real.assessment[list(ASSESSMENT_COLUMNS)].copy()
    for name in MADE_BY_FACTS:
        for lang in LANGUAGES:
            made_up = text(f"synth.fact.{name}", lang, source=real.fact(name, lang))
            facts.loc[facts["fact"] == name, f"value_{lang}"] = made_up
    return facts


def write_synthetic(
    n: int, out: str | Path, *, seed: int = DEFAULT_SEED, codebook: str | Path = "data", force: bool = False
) -> Dataset:
    """Write a complete, valid data folder of ``n`` synthetic services to ``out``.

    Parameters
    ----------
    n
        Number of services, from :data:`MIN_SERVICES` to :data:`MAX_SERVICES`.
    out
        The folder to write; created if needed.
    seed
        The same seed gives the same bytes.
    codebook
        The real data folder: its frequencies are imitated and its
        ``items.csv``, ``scale_levels.csv`` and ``scenarios.csv`` copied, its
        ``assessment.csv`` too but for :data:`MADE_BY_FACTS`.
        ``advice.csv`` gets only its header: the report's advice is about
        the real services, which synthetic data do not have.
    force
        Write into a non-empty folder (never into real data).

    Returns
    -------
    Dataset
        The written folder, loaded and validated again.

    Raises
    ------
    SynthError
        If ``n`` is out of range or ``out`` may not be written.
    """
    out, codebook = Path(out), Path(codebook)
    check_size(n)
    check_target(out, codebook, force=force)
    real = load_dataset(codebook)
    tables = generate(n, real, seed=seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("services", "scores", "preferences"):
        _write_csv(tables[name], out / FILES[name])
    for filename in CODEBOOK_FILES:
        shutil.copyfile(codebook / filename, out / filename)
    _write_csv(synthetic_facts(real), out / FILES["assessment"])
    _write_csv(pd.DataFrame(columns=list(ADVICE_COLUMNS)), out / FILES["advice"])
    marker = "".join(text("synth.marker", lang, n=n, seed=seed) + "\n" for lang in LANGUAGES)
    (out / SYNTHETIC_MARKER).write_text(marker, encoding="utf-8")
    (out / README_FILE).write_text(readme_text(n, seed, codebook), encoding="utf-8")
    return load_dataset(out)
