"""The notebooks' parameters, checked before a notebook does anything.

Papermill injects ``-p name value`` as a cell of assignments after a notebook's parameters cell,
and only warns about a name the notebook does not have: ``-p servce ODB`` would build ODA's
briefing and exit 0. So the cell after every parameters cell calls :func:`check_parameters`,
which raises one :class:`ParameterError` listing every name that is not a parameter of the
notebook and every value outside its choices, each with the nearest right one (*bedoelde u
'service'?*), in the notebook's language.

The parameters of each notebook are listed in :data:`NOTEBOOK_PARAMETERS`; a test holds the list
to what papermill reads from the notebooks.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, MutableMapping

from babel.lists import format_list

from odsamen.analysis.scoring import ADVISOR_READINGS, LEVEL_READINGS, UNKNOWN_READINGS
from odsamen.catalogue import DEFAULT_LANGUAGE, LANGUAGES, join_words, text

NOTEBOOK_PARAMETERS = {
    "00-explorer": ("data_dir", "lang"),
    "01-explore": ("data_dir", "lang", "unknown", "out_dir"),
    "02-affinity": ("data_dir", "lang", "unknown", "advisor", "levels", "out_dir"),
    "03-coalitions": ("data_dir", "lang", "unknown", "advisor", "levels", "out_dir"),
    "briefing": ("service", "lang", "data_dir", "unknown", "advisor"),
}
"""Each notebook's parameters, in the order of its parameters cell."""

CHOICES = {
    "lang": LANGUAGES,
    "unknown": UNKNOWN_READINGS,
    "advisor": ADVISOR_READINGS,
    "levels": LEVEL_READINGS,
}
"""The parameters that take one of a few words, and those words."""

KERNEL_NAMES = frozenset({"In", "Out", "get_ipython", "exit", "quit", "open"})
"""Names every IPython kernel defines before the first cell runs."""

PLAIN_VALUES = (str, int, float, bool, list, dict, type(None))
"""The kinds of value papermill can inject (it writes JSON values as Python literals)."""

CHECKED = "_odsamen_parameters_checked"
"""Set in a notebook's namespace once its names were checked: a kernel is checked once, right after
its parameters, since later cells define names of their own (a cell run again in JupyterLab)."""


class ParameterError(ValueError):
    """A notebook was given a name it does not have or a value it does not know."""


def nearest(value: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to ``value``, or None if none is near: the same word in other letters
    (``odb`` for ``ODB``) first, otherwise the closest spelling by
    :func:`difflib.get_close_matches`."""
    lowered = {str(choice).lower(): str(choice) for choice in choices}
    word = str(value).lower()
    near = [word] if word in lowered else difflib.get_close_matches(word, list(lowered), n=1)
    return lowered[near[0]] if near else None


def did_you_mean(value: str, choices: Iterable[str], lang: str = DEFAULT_LANGUAGE) -> str:
    """`` bedoelde u 'X'?`` for the choice nearest to ``value`` (:func:`nearest`), or ``""``."""
    choice = nearest(value, choices)
    return "" if choice is None else " " + text("parameters.did_you_mean", lang, choice=choice)


def check_choice(
    name: str, value: object, choices: Iterable[str], lang: str = DEFAULT_LANGUAGE
) -> str | None:
    """The message for ``value`` of parameter ``name`` if it is not one of ``choices``, else None."""
    choices = [str(choice) for choice in choices]
    if value in choices:
        return None
    hint = did_you_mean(str(value), choices, lang)
    listed = format_list([f"'{choice}'" for choice in choices], style="or", locale=lang)
    return text("parameters.bad_value", lang, name=name, value=value, choices=listed) + hint


def check_parameters(namespace: MutableMapping[str, object], notebook: str) -> None:
    """Raise :class:`ParameterError` if ``namespace`` (a notebook's ``globals()``, right after its
    parameters) holds a name that is not a parameter of ``notebook`` or a value outside its choices.

    The messages are in the notebook's ``lang`` when that is a known language, else in Dutch.
    """
    known = NOTEBOOK_PARAMETERS[notebook]
    lang = namespace.get("lang")
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    problems = []
    if not namespace.get(CHECKED):
        strangers = [
            name
            for name, value in namespace.items()
            if not name.startswith("_")
            and name not in known
            and name not in KERNEL_NAMES
            and isinstance(value, PLAIN_VALUES)
        ]
        listed = join_words([f"'{name}'" for name in known], lang)
        problems += [
            text("parameters.unknown", lang, name=name, notebook=notebook, known=listed)
            + did_you_mean(name, known, lang)
            for name in strangers
        ]
    for name in known:
        if name in CHOICES and name in namespace:
            problem = check_choice(name, namespace[name], CHOICES[name], lang)
            problems += [problem] if problem else []
    if problems:
        raise ParameterError("\n".join(problems))
    namespace[CHECKED] = True
