"""Round three of "never lose a file": a pack folder that changes while the build runs, two builds at
once, odd folder names, a killed worker, repeated options and odd paths (issue 21).

The races are run as a user would meet them: real ``odsamen briefings`` processes, one NHN briefing
each to keep them short.
"""

from __future__ import annotations

import pytest
from test_faults import build

from odsamen import cli
from odsamen.build import pack
from odsamen.catalogue import text

# --- 6: repeated options, a code in the wrong case --------------------------------------------


def test_repeated_service_options_add_up(monkeypatch):
    seen = {}
    monkeypatch.setattr(pack, "command", lambda **kwargs: seen.update(kwargs) or 0)
    assert cli.main(["briefings", "--service", "NHN", "--service", "IJmond"]) == 0
    assert seen["services"] == ["NHN", "IJmond"]
    assert cli.main(["briefings", "--service", "NHN", "OFGV", "--service", "IJmond"]) == 0
    assert seen["services"] == ["NHN", "OFGV", "IJmond"]


def test_a_service_code_in_the_wrong_case_gets_a_suggestion(tmp_path):
    exit_code, lines = build(tmp_path / "reports", services=["ijmond"], lang="nl")
    assert exit_code == 2
    assert lines == [text("pack.unknown_service_case", "nl", service="ijmond", suggestion="IJmond")]
    assert "bedoelde u IJmond?" in lines[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("codes", "key", "fields"),
    [
        (
            ["ijmond", "nhn"],
            "pack.unknown_service_case",
            dict(service="ijmond, nhn", suggestion="IJmond, NHN"),
        ),
        ([""], "pack.unknown_service", dict(service="''", services="NHN, IJmond, NZKG, OFGV")),
    ],
)
def test_odd_service_codes_are_named_plainly(tmp_path, codes, key, fields):
    exit_code, lines = build(tmp_path / "reports", services=codes)
    assert exit_code == 2 and lines == [text(key, "en", **fields)]
