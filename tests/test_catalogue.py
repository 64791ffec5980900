"""The catalogue: every entry in both languages, every key the code asks for present."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from odsamen.catalogue import LANGUAGES, WORDS, text

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
    missing = sorted((expect_keys | text_keys) - set(WORDS))
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
