"""The ``odsamen`` command line.

Exit codes: 0 success, 2 invalid input or arguments, 1 a run that failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from odsamen.catalogue import LANGUAGES, text


def _validate(args: argparse.Namespace) -> int:
    from odsamen.analysis.data import DataError, load_dataset, summary

    try:
        data = load_dataset(args.data)
    except DataError as err:
        print(err.report(args.data, args.lang), file=sys.stderr)
        return 2
    print(summary(data, args.lang))
    return 0


def _workbook(args: argparse.Namespace) -> int:
    from odsamen.analysis import workbook
    from odsamen.analysis.data import DataError

    if args.source is not None:
        if not workbook.is_workbook(args.source):
            print(text("workbook.not_workbook", args.lang, path=args.source), file=sys.stderr)
            return 2
        try:
            changed = workbook.write_folder(args.source, args.data)
        except DataError as err:
            print(err.report(args.source, args.lang), file=sys.stderr)
            return 2
        names = f" ({', '.join(path.name for path in changed)})" if changed else ""
        message = text(
            "workbook.folder_written",
            args.lang,
            workbook=args.source,
            folder=args.data,
            n=len(changed),
            files=names,
        )
        print(message)
        return 0
    if not workbook.is_workbook(args.out):
        print(text("workbook.not_workbook", args.lang, path=args.out), file=sys.stderr)
        return 2
    if args.out.exists() and not args.force:  # an analyst's edits in it would be lost
        print(text("workbook.exists", args.lang, out=args.out), file=sys.stderr)
        return 2
    try:
        workbook.write_workbook(args.data, args.out, args.lang)
    except DataError as err:
        print(err.report(args.data, args.lang), file=sys.stderr)
        return 2
    print(text("workbook.written", args.lang, out=args.out, folder=args.data))
    return 0


def _new(args: argparse.Namespace) -> int:
    from odsamen.analysis.starter import write_starter

    try:
        written = write_starter(args.out)
    except FileExistsError:
        print(text("new.exists", args.lang, out=args.out), file=sys.stderr)
        return 2
    files = ", ".join(path.name for path in written)
    print(text("new.written", args.lang, out=args.out, files=files, readme=args.out / "README.md"))
    return 0


def _synth(args: argparse.Namespace) -> int:
    from odsamen.analysis.data import DataError
    from odsamen.analysis.synth import DEFAULT_SEED, SynthError, write_synthetic

    seed = DEFAULT_SEED if args.seed is None else args.seed
    try:
        write_synthetic(args.services, args.out, seed=seed, codebook=args.codebook, force=args.force)
    except SynthError as err:
        print(err.message(args.lang), file=sys.stderr)
        return 2
    except DataError as err:
        print(err.report(args.codebook, args.lang), file=sys.stderr)
        return 2
    print(text("synth.done", args.lang, n=args.services, seed=seed, folder=args.out))
    return 0


def _briefings(args: argparse.Namespace) -> int:
    from odsamen.publish.pack import command

    return command(
        data=args.data,
        out=args.out,
        services=args.service,
        jobs=args.jobs,
        lang=args.lang,
        unknown=args.unknown,
        advisor=args.advisor,
        reference=args.reference,
        allow_partial=args.allow_partial,
    )


def _compare(args: argparse.Namespace) -> int:
    from odsamen.publish.changes import command

    return command(args.old, args.new, lang=args.lang, unknown=args.unknown, advisor=args.advisor)


def _notebooks(args: argparse.Namespace) -> int:
    from odsamen.publish.notebooks import refresh

    return 0 if refresh() else 1


class Once(argparse.Action):
    """Store an option's value, and refuse a second one: ``--out a --out b`` would otherwise build into
    ``b`` and say nothing of ``a``."""

    def __call__(self, parser, namespace, values, option_string=None):
        given = vars(namespace).setdefault("given_once", {})
        if self.dest in given:
            message = text("cli.option_twice", "en", first=given[self.dest], second=values)
            raise argparse.ArgumentError(self, message)
        given[self.dest] = values
        setattr(namespace, self.dest, values)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``odsamen`` command."""
    parser = argparse.ArgumentParser(
        prog="odsamen",
        description="Validate the cooperation data and build the board pack of briefings.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check the tables in the data folder")
    validate.add_argument(
        "--data", type=Path, default=Path("data"), help="data folder or workbook (.xlsx) (default: data)"
    )
    validate.add_argument(
        "--lang", choices=LANGUAGES, default="nl", help="language of messages (default: nl)"
    )
    validate.set_defaults(func=_validate)
    briefings = sub.add_parser("briefings", help="validate the data and build the board pack of briefings")

    def add(*names, **kwargs):  # every option of one value may be given once
        if "action" not in kwargs and "nargs" not in kwargs:
            kwargs["action"] = Once
        briefings.add_argument(*names, **kwargs)

    add("--data", type=Path, default=Path("data"), help="data folder or workbook (.xlsx) (default: data)")
    add("--out", type=Path, default=Path("reports"), help="pack folder (default: reports)")
    add(
        "--service",
        nargs="+",
        action="extend",
        metavar="CODE",
        help="only these services (default: all); may be given more than once",
    )
    add("--jobs", type=int, help="briefings built at the same time (default: one per core)")
    add("--lang", choices=LANGUAGES, default="nl", help="language of the pack (default: nl)")
    add("--unknown", choices=("neutral", "missing"), default="neutral", help="reading of ? (default neutral)")
    add(
        "--advisor",
        choices=("include", "exclude"),
        default="include",
        help="scores the advisors filled in: include (default, the report's tables whole) or exclude",
    )
    add("--reference", type=Path, metavar="DIR", help="write the reference notebooks for nbval, not a pack")
    add(
        "--allow-partial",
        action="store_true",
        help="publish the pack in --out even if a briefing failed (default: keep the previous pack and put"
        " the new one in <out>.partial)",
    )
    briefings.set_defaults(func=_briefings)
    book = sub.add_parser(
        "workbook",
        help="write the data folder as one Excel workbook (--out), or a workbook back as the folder (--from)",
    )
    book.add_argument("--data", type=Path, default=Path("data"), help="data folder (default: data)")
    way = book.add_mutually_exclusive_group(required=True)
    way.add_argument("--out", type=Path, help="workbook to write from --data (.xlsx)")
    way.add_argument(
        "--from", dest="source", type=Path, metavar="WORKBOOK", help="workbook to check and write to --data"
    )
    book.add_argument("--force", action="store_true", help="replace the workbook --out if it exists")
    book.add_argument("--lang", choices=LANGUAGES, default="nl", help="language of messages (default: nl)")
    book.set_defaults(func=_workbook)
    new = sub.add_parser("new", help="write a data folder to start a new assessment from (see its README)")
    new.add_argument("--out", type=Path, required=True, help="folder to write; new or empty")
    new.add_argument("--lang", choices=LANGUAGES, default="nl", help="language of messages (default: nl)")
    new.set_defaults(func=_new)
    synth = sub.add_parser("synth", help="write a data folder of made-up services, marked synthetic")
    synth.add_argument("--services", type=int, required=True, help="number of services, 2 to 99")
    synth.add_argument("--out", type=Path, required=True, help="folder to write, empty unless --force")
    synth.add_argument("--seed", type=int, help="random seed (default: a fixed one); same seed, same bytes")
    synth.add_argument(
        "--codebook", type=Path, default=Path("data"), help="real data folder to imitate (default: data)"
    )
    synth.add_argument("--force", action="store_true", help="write into a non-empty folder (never real data)")
    synth.add_argument("--lang", choices=LANGUAGES, default="nl", help="language of messages (default: nl)")
    synth.set_defaults(func=_synth)
    compare = sub.add_parser("compare", help="say what changed between two board packs, per service")
    compare.add_argument("old", type=Path, metavar="OLD_PACK", help="the earlier pack folder")
    compare.add_argument("new", type=Path, metavar="NEW_PACK", help="the later pack folder")
    compare.add_argument("--lang", choices=LANGUAGES, default="nl", help="language (default: nl)")
    compare.add_argument(
        "--unknown", choices=("neutral", "missing"), default="neutral", help="reading of ? (default neutral)"
    )
    compare.add_argument(
        "--advisor", choices=("include", "exclude"), default="include", help="scores the advisors filled in"
    )
    compare.set_defaults(func=_compare)
    notebooks = sub.add_parser(
        "notebooks", help="re-run the committed notebooks and keep their outputs as the new reference"
    )
    notebooks.set_defaults(func=_notebooks)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return args.func(args)
