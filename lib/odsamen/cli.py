"""The ``odsamen`` command line.

Exit codes: 0 success, 2 invalid input or arguments, 1 a run that failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from odsamen.catalogue import LANGUAGES, text


def _validate(args: argparse.Namespace) -> int:
    from odsamen.data import DataError, load_dataset

    try:
        data = load_dataset(args.data)
    except DataError as err:
        print(text("validate.failed", args.lang, n=len(err.issues), folder=args.data), file=sys.stderr)
        for issue in err.issues:
            print(f"  {issue}", file=sys.stderr)
        return 2
    print(
        text(
            "validate.ok",
            args.lang,
            folder=args.data,
            n_scores=len(data.scores),
            n_preferences=len(data.preferences),
            n_services=len(data.services),
        )
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``odsamen`` command."""
    parser = argparse.ArgumentParser(
        prog="odsamen",
        description="Validate the cooperation data and build the board pack of briefings.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check the tables in the data folder")
    validate.add_argument("--data", type=Path, default=Path("data"), help="data folder (default: data)")
    validate.add_argument("--lang", choices=LANGUAGES, default="nl", help="language of messages (default: nl)")
    validate.set_defaults(func=_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return args.func(args)
