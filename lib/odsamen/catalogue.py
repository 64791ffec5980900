"""The one catalogue of user-facing words, Dutch first, English second.

Names of services, items and scale levels are facts and live in the codebook
under ``data/``; everything else a reader sees (titles, legend entries,
sentences) is looked up here with :func:`text`. Templates use
:py:meth:`str.format` fields, so the numbers in a sentence always come from
the calling code.

Sections are marked by comments so that each part of the package keeps its
own words together.
"""

from __future__ import annotations

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

WORDS: dict[str, dict[str, str]] = {
    # --- data and scales -------------------------------------------------
    "dimension.robustness": {"nl": "Robuustheidscriteria", "en": "Robustness criteria"},
    "dimension.task": {"nl": "Toekomstige opgaven", "en": "Future tasks"},
    "measure.meets.robustness": {
        "nl": "Voldoet de dienst aan het criterium?",
        "en": "Does the service meet the criterion?",
    },
    "measure.meets.task": {
        "nl": "Is de dienst toegerust voor de opgave?",
        "en": "Is the service equipped for the task?",
    },
    "measure.added_value": {
        "nl": "Meerwaarde van samenwerking",
        "en": "Added value of cooperation",
    },
    "measure.meets.short": {"nl": "Eigen stand", "en": "Own position"},
    "measure.added_value.short": {"nl": "Meerwaarde", "en": "Added value"},
    "source.self": {"nl": "door de dienst zelf", "en": "by the service itself"},
    "source.advisor": {
        "nl": "door de adviseurs ingevuld",
        "en": "filled in by the advisors",
    },
    "symbol.--": {"nl": "-- sterk negatief", "en": "-- strongly negative"},
    "symbol.-": {"nl": "- negatief", "en": "- negative"},
    "symbol.-/+": {"nl": "-/+ gemengd", "en": "-/+ mixed"},
    "symbol.?": {"nl": "? onbekend", "en": "? unknown"},
    "symbol.+": {"nl": "+ positief", "en": "+ positive"},
    "symbol.++": {"nl": "++ sterk positief", "en": "++ strongly positive"},
    "symbol.missing": {"nl": "geen score", "en": "no score"},
    "unknown.neutral": {"nl": "? gelezen als neutraal (0)", "en": "? read as neutral (0)"},
    "unknown.missing": {"nl": "? gelezen als ontbrekend", "en": "? read as missing"},
    "preference.unknown": {"nl": "? (onbekend)", "en": "? (unknown)"},
    "preference.missing": {"nl": "niet opgegeven", "en": "not given"},
    "aspect.opleiding": {"nl": "opleiding", "en": "training"},
    "aspect.bi": {"nl": "BI", "en": "BI"},
    "regional": {"nl": "regionaal (B of C)", "en": "regional (B or C)"},
    # --- validation ----------------------------------------------------------
    "validate.ok": {
        "nl": "Gegevens in {folder} zijn geldig: {n_scores} scores en "
        "{n_preferences} voorkeurscellen van {n_services} diensten.",
        "en": "Data in {folder} are valid: {n_scores} scores and "
        "{n_preferences} preference cells from {n_services} services.",
    },
    "validate.failed": {
        "nl": "{n} fout(en) in de gegevens in {folder}:",
        "en": "{n} error(s) in the data in {folder}:",
    },
    # --- plots -------------------------------------------------------------
    # --- affinity ----------------------------------------------------------
    # --- briefing ----------------------------------------------------------
}


def text(key: str, lang: str = DEFAULT_LANGUAGE, **fields: object) -> str:
    """Return the catalogue entry ``key`` in ``lang``, formatted with ``fields``.

    Raises
    ------
    KeyError
        If the key is not in the catalogue.
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    entry = WORDS[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**fields) if fields else template


def check_language(lang: str) -> str:
    """Return ``lang`` if it is supported, else raise ``ValueError``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang
