"""The catalogue: every entry in both languages, every key the code asks for present."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from odsamen.catalogue import LANGUAGES, WORDS, format_number, join_words, plural_form, text

LIB = Path(__file__).resolve().parents[1] / "lib" / "odsamen"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_entry_has_every_language_with_the_same_fields(key):
    entry = WORDS[key]
    assert set(entry) == set(LANGUAGES), key
    assert all(entry[lang].strip() for lang in LANGUAGES), key
    assert fields(entry["nl"]) == fields(entry["en"]), key


def test_keys_used_in_code_exist():
    source = "\n".join(p.read_text(encoding="utf-8") for p in LIB.rglob("*.py"))
    expect_keys = {"expect." + k for k in re.findall(r"""_expect\(\s*["']([a-z_.]+)["']""", source)}
    text_keys = set(re.findall(r"""\btext\(\s*["']([a-z_.\-+/?]+)["']""", source))
    templates = "\n".join(p.read_text(encoding="utf-8") for p in LIB.rglob("*.j2"))
    template_keys = set(re.findall(r"""\bt\(\s*["']([a-z_.\-+/?]+)["']\s*[,)]""", templates))
    assert "briefing.section.summary" in template_keys  # the templates are read
    missing = sorted((expect_keys | text_keys | template_keys) - set(WORDS))
    assert not missing, f"keys used in lib/ but not in the catalogue: {missing}"


def test_text_formats_and_rejects_unknown_language():
    assert text("validate.ok", "en", folder="d", n_scores=1, n_preferences=2, n_services=3).startswith(
        "Data in d"
    )
    with pytest.raises(ValueError):
        text("validate.ok", "fr")


def test_singular_form_where_n_is_one():
    assert "1 briefing in" in text("pack.summary.ok", "en", out="r", n=1, seconds="1.0")
    assert "2 briefings in" in text("pack.summary.ok", "en", out="r", n=2, seconds="1.0")


@pytest.mark.parametrize(("lang", "expected"), [("nl", "a, b en c"), ("en", "a, b, and c")])
def test_lists_follow_cldr_in_each_language(lang, expected):
    assert join_words(["a", "b", "c"], lang) == expected
    assert join_words(["a", "b"], lang) == ("a en b" if lang == "nl" else "a and b")
    assert join_words(["a"], lang) == "a"
    assert join_words([], lang) == ""
    assert join_words([3, 8], lang).startswith("3 ")  # anything that reads as text


@pytest.mark.parametrize(
    ("value", "decimals", "nl", "en"),
    [
        (0.1, 2, "0,10", "0.10"),
        (1234.5678, 2, "1234,57", "1234.57"),  # no grouping of thousands
        (-1.5, 1, "-1,5", "-1.5"),
        (0.125, 2, "0,12", "0.12"),  # a true tie rounds to even, as Python does
        (0.005, 2, "0,01", "0.01"),  # 0.005 is a little more than 0.005 as a float
        (2.5, 0, "2", "2"),
        (7, 2, "7,00", "7.00"),
        (None, 2, "–", "–"),
        (float("nan"), 2, "–", "–"),
    ],
)
def test_numbers_in_each_language(value, decimals, nl, en):
    assert format_number(value, "nl", decimals) == nl
    assert format_number(value, "en", decimals) == en


@pytest.mark.parametrize("value", [0.0, 0.165, 0.145, 1 / 3, -0.001, 12.3456, 99.995])
def test_numbers_round_as_python_shows_them(value):
    for decimals in (0, 1, 2, 3):
        assert format_number(value, "en", decimals) == f"{value:.{decimals}f}"
        assert format_number(value, "nl", decimals) == f"{value:.{decimals}f}".replace(".", ",")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_form_of_numbers_only(lang):
    assert [plural_form(n, lang) for n in (0, 1, 2, 1.0)] == ["other", "one", "other", "one"]
    assert plural_form(None, lang) is None
    assert plural_form("1", lang) is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_one_and_several_choose_the_catalogue_form(lang):
    one = text("briefing.n_other_services", lang, n=1)
    assert one == WORDS["briefing.n_other_services.one"][lang]
    assert text("briefing.n_other_services", lang, n=0) != one
    assert text("briefing.n_other_services", lang, n=2).startswith("2 ")


def test_the_advisor_mark_is_typed_once_and_every_entry_that_names_it_shows_it():
    mark = WORDS["affinity.advisor_mark"]["nl"]
    assert WORDS["affinity.advisor_mark"]["en"] == mark
    typed = sorted(key for key, entry in WORDS.items() for words in entry.values() if mark in words)
    assert typed == ["affinity.advisor_mark"] * len(LANGUAGES)
    using = sorted(key for key, entry in WORDS.items() if "{advisor_mark}" in entry["nl"])
    assert "pack.index.advisor_note" in using and "affinity.note.advisor" in using
    for key in using:
        for lang in LANGUAGES:
            assert text(key, lang, items="x").startswith(mark), (key, lang)
    # a field the caller passes wins over the catalogue's mark
    assert text("affinity.note.advisor", "nl", advisor_mark="*").startswith("* ")
