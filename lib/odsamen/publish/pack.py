"""The board pack: every service's briefing as HTML and PDF, with a front page.

``odsamen briefings`` calls :func:`build_pack`, which

0. resolves and checks the output folder (:func:`resolve_out`) and takes the
   lock on builds into it (:func:`build_lock`): a second build into the same
   folder stops at once;
1. validates the data folder (a :class:`~odsamen.analysis.data.DataError` means
   nothing is written) and checks the requested service codes;
2. builds everything in a hidden staging folder next to the output folder:
   a copy of the data, ``tables/`` from :mod:`odsamen.analysis.affinity`, and per
   service the executed notebook, its HTML and PDF and a log;
3. runs the briefings in a pool of worker processes (:mod:`odsamen.publish.runner`),
   each briefing in a fresh kernel of its own that nbclient starts; the
   briefings read the pack's own copy of the data;
4. writes ``index.html`` and ``manifest.json`` (every file it wrote, with its
   size and SHA-256) and swaps the staging folder in for the previous pack by
   renames (the old pack aside, the new one in, the old one removed), so an
   interrupted or crashed run never leaves a half-written pack; a swap cut
   off between its two renames is put right by the next run
   (:func:`remove_stale_staging`).

A folder is replaced only when odsamen can prove it wrote everything in it
(:func:`unaccounted`); any other folder is refused before anything is written,
and the folder is looked at again just before the swap (:func:`publish`).
A symbolic link as the output folder stays a link: the pack goes where it points.

Layout of a pack::

    index.html                  front page, headline figures and links
    briefings/<CODE>.html|.pdf  the briefings
    notebooks/<CODE>.ipynb      the executed notebooks, for audit
    logs/<CODE>.log             what happened per service: its kernel, seconds and CPU per step
    tables/*.csv                affinity tables
    data/*.csv                  the data the pack was built from
    figures/                    the analysis notebooks' figures, carried over from the previous folder
    manifest.json               what odsamen wrote here, so that the next build may replace it

A briefing that fails leaves the others: it is named in the summary,
marked in the index with a link to its log, and :attr:`PackResult.ok` is
False (exit code 1). The previous pack then stays as it was: the new one is
kept aside in ``<out>.partial`` (:func:`partial_folder`), unless
``allow_partial`` publishes it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd

from odsamen.analysis import shared
from odsamen.analysis.data import SERVICE_CODE, Dataset, load_dataset
from odsamen.analysis.scoring import DEFAULT_ADVISOR, DEFAULT_UNKNOWN, check_advisor, check_unknown
from odsamen.catalogue import check_language, text
from odsamen.publish.runner import KERNEL_NAME, WORKER_ERRORS, Job, Outcome, run_jobs

DEFAULT_OUT = Path("reports")
NOTEBOOK = Path(__file__).resolve().parents[3] / "notebooks" / "briefing.ipynb"
"""The briefing notebook of the repository this package is installed from (editable install)."""

BRIEFINGS, NOTEBOOKS, LOGS, TABLES, DATA = "briefings", "notebooks", "logs", "tables", "data"
FIGURES = "figures"
"""Written by the analysis notebooks, not by the pack: carried over when a pack replaces the folder."""
MANIFEST = "manifest.json"
"""Written last into every pack: each folder and file odsamen wrote there, files with size and SHA-256."""
WORK = ".work"
"""Scratch folder inside the staging folder (the workers' stderr); removed before publishing."""


class PackError(ValueError):
    """A request the pack cannot be built for (such as an unknown service); carries a catalogue message."""

    def __init__(self, key: str, **fields: object):
        self.key, self.fields = key, fields
        super().__init__(text(key, "en", **fields))

    def message(self, lang: str) -> str:
        return text(self.key, lang, **self.fields)


class PackFault(PackError):
    """A build that could not finish for a reason outside its arguments, which a new run may not meet
    (a full disk, a file held open, data saved during the build): exit code 1. The previous pack is
    left as it was and the staging folder is removed."""


DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def os_fault(err: OSError, out: Path) -> PackFault:
    """The message for an operating-system error met while building or publishing the pack for ``out``."""
    where = err.filename or out
    if err.errno in DISK_FULL:
        return PackFault("pack.disk_full", out=out)
    if err.errno == errno.EROFS:
        return PackFault("pack.out_read_only", out=out, folder=where)
    if isinstance(err, PermissionError):
        return PackFault("pack.no_permission", out=out, path=where)
    return PackFault("pack.write_failed", out=out, path=where, error=err.strerror or err)


@dataclass
class PackResult:
    """The result of a build: the pack folder and one outcome per service, in codebook order.

    ``partial`` is where the new pack was kept aside when a briefing failed
    (``out`` then still holds the previous pack); None when it was published in ``out``.
    """

    out: Path
    outcomes: list[Outcome]
    seconds: float
    partial: Path | None = None

    @property
    def failed(self) -> list[str]:
        return [o.service for o in self.outcomes if not o.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


# --- checks ------------------------------------------------------------------------


def default_jobs() -> int:
    """One job per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def safe_file_stem(code: str) -> str:
    """``code`` if it can be a file name as it is (the codebook's code pattern), else :class:`PackError`."""
    if not re.fullmatch(SERVICE_CODE, code) or Path(code).name != code:
        raise PackError("pack.bad_code", service=code)
    return code


def choose_services(data: Dataset, services: list[str] | None) -> list[str]:
    """The requested services in codebook order (all by default); :class:`PackError` for an unknown code."""
    if not services:
        return [safe_file_stem(code) for code in data.service_codes]
    unknown = [code for code in services if code not in data.service_codes]
    by_case = {code.casefold(): code for code in data.service_codes}
    if unknown and all(code.casefold() in by_case for code in unknown):  # --service ijmond: case only
        raise PackError(
            "pack.unknown_service_case",
            service=", ".join(unknown),
            suggestion=", ".join(by_case[code.casefold()] for code in unknown),
        )
    if unknown:
        raise PackError(
            "pack.unknown_service",
            service=", ".join(repr(code) if not code.strip() else code for code in unknown),
            services=", ".join(data.service_codes),
        )
    return [safe_file_stem(code) for code in data.service_codes if code in services]


# --- staging and publishing -------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    """True if process ``pid`` runs (or may: when unsure, alive)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would end the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leftovers(out: Path):
    """The staging folders and set-aside old packs of builds into ``out``, as ``(path, kind, pid)``
    with kind ``staging`` or ``old``. Names are compared as they are, never as a pattern: an output
    folder may be called ``board [2024]``."""
    if not out.parent.is_dir():
        return
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(staging|old)-(\d+)")
    for path in sorted(out.parent.iterdir()):
        match = pattern.fullmatch(path.name)
        if match and path.is_dir() and not path.is_symlink():
            yield path, match.group(1), int(match.group(2))


def remove_stale_staging(out: Path) -> list[Path]:
    """Clean up after runs that died (their process is gone) next to ``out``; return what was removed.

    Their staging folders are removed. An old pack set aside by :func:`publish`
    is removed if ``out`` holds the new pack (and the old one nothing odsamen
    did not write), and is put back in ``out`` if the run died between the two
    renames of the swap (no ``out``): the previous pack is never lost.
    """
    removed = []
    for path, kind, pid in leftovers(out):
        if _pid_alive(pid):
            continue
        if kind == "old" and not os.path.lexists(out):
            os.rename(path, out)
            continue
        if kind == "old" and unaccounted(path):
            continue  # it holds something odsamen did not write (a swap stopped for it): never removed
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def lock_path(out: Path) -> Path:
    """The lock file of builds into ``out``: ``.<out>.lock`` next to it. It stays there after a build
    (so that two builds always lock the same file); a build killed outright holds it no longer."""
    return out.parent / f".{out.name}.lock"


@contextlib.contextmanager
def build_lock(out: Path, target: Path):
    """Hold the lock on builds into ``target`` (the real folder of ``--out`` ``out``) for the ``with``
    block: :class:`PackFault` at once if another build holds it. Taken atomically by the operating
    system (:class:`filelock.FileLock`, on Windows too) and released when the process ends, however it
    ends. Missing parent folders are created first; those this build created go again if it leaves
    nothing in them."""
    from filelock import FileLock, Timeout

    created = [folder for folder in target.parents if not folder.exists()]
    if os.path.lexists(lock_path(target)) and not lock_path(target).is_file():
        raise PackError("pack.lock_in_the_way", out=out, lock=lock_path(target))
    lock = FileLock(lock_path(target), timeout=0)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout as err:
        raise PackFault("pack.busy", out=out) from err
    except OSError as err:  # nothing written yet: a folder that cannot be written to is a bad --out
        _remove_empty(created)
        if err.errno in NOT_WRITABLE:
            key = "pack.out_read_only" if err.errno == errno.EROFS else "pack.out_not_writable"
            raise PackError(key, out=out, folder=target.parent) from err
        raise
    try:
        yield
    finally:
        if created and not os.path.lexists(target) and list(target.parent.iterdir()) == [lock_path(target)]:
            lock_path(target).unlink()  # nothing published into folders this build made: they go again
        lock.release()
        _remove_empty(created)


def _remove_empty(folders: list[Path]) -> None:
    """Remove ``folders`` (deepest first) as far as they are empty."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def make_staging(out: Path) -> Path:
    """A fresh, empty staging folder next to ``out`` (same file system, so publishing is a rename)."""
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)  # made by build_lock in a build
        remove_stale_staging(out)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
    except OSError as err:  # nothing written yet: a folder that cannot be written to is a bad --out
        if err.errno in NOT_WRITABLE:
            key = "pack.out_read_only" if err.errno == errno.EROFS else "pack.out_not_writable"
            raise PackError(key, out=out, folder=out.parent) from err
        raise
    for folder in (BRIEFINGS, NOTEBOOKS, LOGS, DATA, WORK):
        (staging / folder).mkdir()
    return staging


PACK_MARK = '<meta name="generator" content="odsamen">'
"""The line in a pack's ``index.html`` that says it was generated by odsamen (not enough to replace a
folder: a front page is easily copied; :data:`MANIFEST` is what counts)."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _entries(folder: Path, skip: tuple[str, ...] = ()):
    """Every folder and file under ``folder`` (symbolic links as files, never followed) as
    ``(relative posix path, path, is_folder)``, leaving out the top-level names in ``skip``."""
    for root, folders, files in os.walk(folder):
        root = Path(root)
        if root == folder:
            folders[:] = [name for name in folders if name not in skip]
            files = [name for name in files if name not in skip]
        for name in sorted(folders):
            path = root / name
            if path.is_symlink():
                files.append(name)  # os.walk lists a link to a folder as a folder; it is not followed
                folders.remove(name)
            else:
                yield path.relative_to(folder).as_posix(), path, True
        for name in sorted(files):
            path = root / name
            yield path.relative_to(folder).as_posix(), path, False


def write_manifest(folder: Path) -> Path:
    """Record everything in ``folder`` as written by odsamen: ``folder/manifest.json`` lists every
    folder and every file with its size and SHA-256 (see :func:`unaccounted`)."""
    folders, files = [], {}
    for name, path, is_folder in _entries(folder, skip=(MANIFEST,)):
        if is_folder:
            folders.append(name)
        elif not path.is_symlink():  # odsamen writes no links; a carried-over one stays unlisted
            files[name] = {"size": path.lstat().st_size, "sha256": _sha256(path)}
    manifest = {"generator": "odsamen", "folders": folders, "files": files}
    target = folder / MANIFEST
    target.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return target


def read_manifest(folder: Path) -> dict | None:
    """The manifest odsamen wrote into ``folder``, or None when there is none (or it is not odsamen's)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("generator") != "odsamen":
        return None
    if not isinstance(manifest.get("folders"), list) or not isinstance(manifest.get("files"), dict):
        return None
    return manifest


def unaccounted(folder: Path, *, same_as: dict[str, bytes] | None = None) -> list[str]:
    """What in ``folder`` odsamen cannot prove it wrote, as paths relative to ``folder``, sorted.

    Proven are: the folders and files listed in ``folder``'s manifest (files
    with the same size and SHA-256, so unchanged since); the analysis
    notebooks' ``figures/``, which a new pack carries over as it is (nothing
    in it is lost); and files whose bytes are ``same_as[path]``, what the new
    pack writes in their place (such as the notebooks' ``tables/``), with their
    folders. Anything else would be lost when the folder is replaced.
    """
    manifest = read_manifest(folder)
    skip = () if manifest is None else (MANIFEST,)
    manifest = manifest or {"folders": [], "files": {}}
    same_as = same_as or {}
    folders = set(manifest["folders"]) | {
        "/".join(Path(name).parts[:i]) for name in same_as for i in range(1, len(Path(name).parts))
    }
    stray = []
    figures = folder / FIGURES
    if figures.is_dir() and not figures.is_symlink():
        skip += (FIGURES,)
    for name, path, is_folder in _entries(folder, skip=skip):
        listed = manifest["files"].get(name)
        if is_folder:
            proven = name in folders
        elif path.is_symlink() or not path.is_file():
            proven = False
        elif name in same_as and path.read_bytes() == same_as[name]:
            proven = True
        else:
            proven = (
                isinstance(listed, dict)
                and path.stat().st_size == listed.get("size")
                and _sha256(path) == listed.get("sha256")
            )
        if not proven:
            stray.append(name)
    return sorted(stray)


def resolve_out(out: Path) -> Path:
    """The real folder a pack for ``--out`` ``out`` goes to, checked before anything is written.

    Resolved once, here: symbolic links (``out`` itself may be one, say to a
    folder a web server serves: the link stays a link) and ``..``, so that
    ``keep/new/..`` is ``keep``. :class:`PackError` for a loop of links, a
    file in the way, the current, home or root folder, a mount point, and a
    folder inside another pack (which the next build of that pack replaces).
    """
    try:
        target = out.resolve()
    except (OSError, RuntimeError) as err:  # Python 3.11 raises RuntimeError for a loop of links
        raise PackError("pack.out_link_loop", out=out) from err
    existing = next(folder for folder in (target, *target.parents) if os.path.lexists(folder))
    if existing != target and not existing.is_dir():
        raise PackError("pack.out_parent_not_folder", out=out, parent=existing)
    if target.exists() and not target.is_dir():
        raise PackError("pack.out_not_folder", out=out)
    if target in (Path.cwd().resolve(), Path.home().resolve(), Path(target.anchor)):
        raise PackError("pack.out_not_pack", out=out)
    if target.is_dir() and os.path.ismount(target):
        # A mount point cannot be renamed, and the pack is swapped in by renames.
        raise PackError("pack.out_mount_point", out=out, inside=out / DEFAULT_OUT.name)
    for folder in target.parents:
        if read_manifest(folder) is not None:
            raise PackError("pack.out_inside_pack", out=out, pack=folder)
    return target


def partial_folder(out: Path) -> Path:
    """Where a build in which a briefing failed keeps its pack, the previous one in ``out`` left as it
    was: ``<out>.partial`` next to it, replaced by the next such build."""
    return out.parent / f"{out.name}.partial"


def check_out(out: Path, *, same_as: dict[str, bytes] | None = None) -> Path:
    """``out`` if a pack may be written there: a new or empty folder, or one that holds only what
    odsamen wrote (:func:`unaccounted`; a previous pack, ``reports/`` after ``make test``).

    The whole folder is replaced, so any other folder (``--out .``, a home
    folder, a typo, a folder with the data in it) is refused with
    :class:`PackError` before anything is written.
    """
    if out.exists() and not out.is_dir():
        raise PackError("pack.out_not_folder", out=out)
    if out.resolve() in (Path.cwd().resolve(), Path.home().resolve(), Path(out.resolve().anchor)):
        raise PackError("pack.out_not_pack", out=out)
    if out.is_dir() and os.path.ismount(out):
        # A mount point cannot be renamed, and the pack is swapped in by renames.
        raise PackError("pack.out_mount_point", out=out, inside=out / DEFAULT_OUT.name)
    if out.is_dir():
        stray = unaccounted(out, same_as=same_as)
        office = [name for name in stray if Path(name).name.startswith("~$")]
        if office:  # Excel's and Word's mark of a file they hold open
            raise PackFault("pack.out_office_lock", out=out, entry=office[0])
        if stray:
            raise PackError("pack.out_not_ours", out=out, entry=stray[0])
    return out


def remove_partial(out: Path) -> None:
    """Remove the partial pack of an earlier failed build next to ``out``, if odsamen wrote all of it."""
    partial = partial_folder(out)
    if partial.is_dir() and not partial.is_symlink() and not unaccounted(partial):
        shutil.rmtree(partial)


def publish(staging: Path, out: Path, *, same_as: dict[str, bytes] | None = None) -> Path:
    """Put ``staging`` in the place of ``out`` and remove the previous pack.

    The notebooks' ``figures/`` in ``out`` are carried over and the manifest
    is written last. ``out`` is the real folder, not a link to it. The swap
    is two renames, on every system: the previous pack aside to
    ``.<out>.old-<pid>``, the new one in; then the previous one is removed. A
    run that dies between the renames leaves no ``out``, and the next run puts
    the previous pack back (:func:`remove_stale_staging`).

    What ``out`` holds is looked at again now, not trusted from the start of
    the build: before the previous pack is set aside and once more after
    (for a file saved in between). Anything odsamen did not write there
    (:func:`unaccounted`, ``same_as`` as there), such as notes saved while the
    pack was built or another build into a folder inside it, stops the swap
    with :class:`PackFault`, and ``out`` stays as it is.
    """
    shutil.rmtree(staging / WORK, ignore_errors=True)
    if os.path.lexists(out):
        _check_unchanged(out, out, same_as)
    if (out / FIGURES).is_dir() and not (staging / FIGURES).exists():
        # Copied, not moved: until the swap, the previous folder stays whole.
        shutil.copytree(out / FIGURES, staging / FIGURES, symlinks=True)
    write_manifest(staging)
    if not os.path.lexists(out):
        os.rename(staging, out)
        return out
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    try:
        os.rename(out, old)
    except OSError as err:
        raise _not_movable(out, err) from err
    try:
        _check_unchanged(old, out, same_as, figures=staging / FIGURES)
        os.rename(staging, out)
    except BaseException:
        os.rename(old, out)  # the previous pack back in its place
        raise
    shutil.rmtree(old, ignore_errors=True)
    return out


def _check_unchanged(folder: Path, out: Path, same_as: dict[str, bytes] | None, figures: Path | None = None):
    """:class:`PackFault` if ``folder`` (the previous pack of ``out``) holds anything odsamen did not
    write, or, with ``figures``, if its ``figures/`` is no longer the copy in ``figures``."""
    if not folder.is_dir() or folder.is_symlink():  # replaced by a file or a link during the build
        raise PackFault("pack.out_not_folder", out=out)
    stray = unaccounted(folder, same_as=same_as)
    if not stray and figures is not None and _snapshot(folder / FIGURES) != _snapshot(figures):
        stray = [FIGURES]
    if stray:
        raise PackFault("pack.out_changed", out=out, entry=stray[0])


def _snapshot(folder: Path) -> dict[str, str | None]:
    """Every entry under ``folder``: a file's SHA-256, a link's target, None for a folder."""
    if not folder.is_dir():
        return {}
    return {
        name: None if is_folder else os.readlink(path) if path.is_symlink() else _sha256(path)
        for name, path, is_folder in _entries(folder)
    }


def held_open(folder: Path) -> Path | None:
    """A file in ``folder`` that another program holds open so that it cannot be changed (Excel on
    Windows does so), or None. Opening for appending writes nothing."""
    for _, path, is_folder in _entries(folder):
        if is_folder or path.is_symlink():
            continue
        try:
            with open(path, "ab"):
                pass
        except PermissionError:
            return path
        except OSError:
            continue
    return None


def _not_movable(out: Path, err: OSError) -> Exception:
    """Why the previous pack in ``out`` could not be set aside: a file held open (Windows), a mount
    point, or ``err`` itself."""
    if isinstance(err, PermissionError) or err.errno in (errno.EBUSY, errno.EXDEV, errno.EACCES):
        locked = held_open(out)
        if locked is not None:
            return PackFault("pack.file_in_use", out=out, file=locked)
        if err.errno in (errno.EBUSY, errno.EXDEV):
            return PackError("pack.out_mount_point", out=out, inside=out / DEFAULT_OUT.name)
    return err


def copy_data(data: Dataset, target: Path, fingerprint: str | None = None) -> None:
    """Copy the data files the pack is built from into ``target``; :class:`PackFault` if the copy is
    not the ``fingerprint`` taken before the data were read (a file saved during the build). The copy
    gets the stamp that it was validated (:func:`odsamen.analysis.shared.write_stamp`)."""
    for path in shared.data_files(data.folder):
        shutil.copy2(path, target / path.name)
    if fingerprint is not None and shared.fingerprint(target) != fingerprint:
        raise PackFault("pack.data_changed", data=data.folder)
    shared.write_stamp(target)  # validated: the briefings need not check the copy again


# --- jobs ----------------------------------------------------------------------


def check_notebook(path: str | Path) -> Path:
    """``path`` if it is a file, else :class:`PackError` (checked before anything is written)."""
    path = Path(path)
    if not path.is_file():
        raise PackError("pack.no_notebook", notebook=path)
    return path


def read_notebook(path: Path):
    """The briefing notebook as papermill loads it (with papermill's metadata defaults)."""
    from papermill.iorw import load_notebook_node

    return load_notebook_node(str(check_notebook(path)))


def parameterize(
    notebook, *, service: str, lang: str, data_dir: str, unknown: str, advisor: str = DEFAULT_ADVISOR
):
    """A copy of ``notebook`` with papermill's injected-parameters cell for one service."""
    import copy

    from papermill.parameterize import parameterize_notebook

    parameters = {"service": service, "lang": lang, "data_dir": data_dir, "unknown": unknown}
    if advisor != DEFAULT_ADVISOR:
        # Only a reading other than the default is written, so default packs keep their bytes.
        parameters["advisor"] = advisor
    result = parameterize_notebook(
        copy.deepcopy(notebook), parameters, kernel_name=KERNEL_NAME, language="python"
    )
    for cell in result.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            # papermill draws a random cell id; a fixed one keeps kept notebooks the same from run to run.
            cell.id = "injected-parameters"
    return result


def pack_jobs(
    data: Dataset,
    codes: list[str],
    staging: Path,
    *,
    lang: str,
    unknown: str,
    notebook: Path,
    advisor: str = DEFAULT_ADVISOR,
):
    """One job per service, writing into the pack layout under ``staging``.

    A generator: the notebook is read and parameterized while the workers
    already start their first kernels.
    """
    source = read_notebook(notebook)
    for code in codes:
        yield Job(
            service=code,
            title=text("briefing.title", lang, name=data.service_name(code, lang)),
            lang=lang,
            notebook=parameterize(
                source, service=code, lang=lang, data_dir=f"../{DATA}", unknown=unknown, advisor=advisor
            ),
            cwd=staging / NOTEBOOKS,
            notebook_out=staging / NOTEBOOKS / f"{code}.ipynb",
            log=staging / LOGS / f"{code}.log",
            html=staging / BRIEFINGS / f"{code}.html",
            pdf=staging / BRIEFINGS / f"{code}.pdf",
        )


# --- the front page ------------------------------------------------------------


def _count(n: int, total: int, lang: str) -> str:
    return text("pack.count", lang, n=n, total=total)


def service_row(data: Dataset, outcome: Outcome, facts: dict, *, lang: str) -> dict:
    """One line of the front page: the service's headline figures (:func:`odsamen.report.briefing.headline`)
    and its links, relative to the pack."""
    from odsamen.analysis.evidence import advice_words

    code = outcome.service
    mark = " " + text("affinity.advisor_mark", lang)
    marked = {
        "robustness": "robustness" in facts["advisor"],
        "tasks": "task" in facts["advisor"],
        "needs": facts["needs_advisor"],
        "offers": facts["offers_advisor"],
        "strongest": any(row["advisor"] for row in facts["advice"]),
    }
    return {
        "code": code,
        "name": data.service_name(code, lang),
        "robustness": _count(facts["met"], facts["n_robustness"], lang) + mark * marked["robustness"],
        "tasks": _count(facts["equipped"], facts["n_tasks"], lang) + mark * marked["tasks"],
        "needs": f"{facts['needs']}{mark if marked['needs'] else ''}",
        "offers": f"{facts['offers']}{mark if marked['offers'] else ''}",
        "advisor": any(marked.values()),
        "partner": partner_cell(facts["verdict"], lang),
        "advice": advice_words(data, code, lang),
        "strongest": evidence_cell(data, facts["advice"], lang),
        "ok": outcome.ok,
        "error": outcome.error or "",
        "html": f"{BRIEFINGS}/{code}.html",
        "pdf": f"{BRIEFINGS}/{code}.pdf",
        "notebook": f"{NOTEBOOKS}/{code}.ipynb",
        "log": f"{LOGS}/{code}.log",
    }


def evidence_cell(data: Dataset, advice: list[dict], lang: str) -> str:
    """The front page's evidence column: per advice row for the service, the form and group with what
    the scores say on the report's reason (:func:`odsamen.report.briefing.advice_summary`)."""
    from odsamen.analysis.coalitions import coalition_label, scenario_label
    from odsamen.report.briefing import reason_label

    parts = [
        text(
            "pack.index.evidence_part",
            lang,
            form=scenario_label(data, row["form"], lang).lower(),
            coalition=coalition_label(row["coalition"], lang),
            evidence=reason_label(row, lang)
            + (" " + text("affinity.advisor_mark", lang) if row["advisor"] else ""),
        )
        for row in advice
    ]
    return "; ".join(parts) or text("briefing.none", lang)


def partner_cell(found, lang: str) -> str:
    """The front page's partner column: the best partner with what it rests on, or the close calls."""
    from odsamen.catalogue import join_words
    from odsamen.report.briefing import close_reason, partner_with_basis

    def shown(partner: str) -> str:
        return partner_with_basis(found, partner, lang)

    if found.best:
        return shown(found.best)
    if not found.close:
        return text("briefing.none", lang)
    # A near-tie reads as a tie, as in the briefing (:func:`odsamen.report.briefing.close_reason`).
    return text(
        f"pack.index.no_best.{close_reason(found)}",
        lang,
        partners=join_words([shown(p) for p in found.close[:3]], lang),
    )


def index_context(
    data: Dataset,
    outcomes: list[Outcome],
    headlines: dict[str, dict],
    staging: Path,
    *,
    lang: str,
    unknown: str,
    advisor: str = DEFAULT_ADVISOR,
) -> dict:
    """Everything the front page shows; all of it is escaped by the template. ``headlines`` maps each
    service to its :func:`odsamen.report.briefing.headline`."""
    from odsamen.analysis.affinity import HEADLINE_LENS, lens_label
    from odsamen.report.briefing import who_scored

    words = {
        key.removeprefix("pack.index."): text(key, lang)
        for key in (
            "pack.index.kicker",
            "pack.index.title",
            "pack.index.service",
            "pack.index.robustness",
            "pack.index.tasks",
            "pack.index.needs",
            "pack.index.offers",
            "pack.index.briefing",
            "pack.index.failed",
            "pack.index.log",
            "pack.index.notebook",
            "pack.index.audit",
            "pack.index.tables",
            "pack.index.data",
            "pack.index.notebooks",
            "pack.index.logs",
        )
    }
    words["partner"] = text("pack.index.partner", lang, lens=lens_label(HEADLINE_LENS, lang))
    words["advisor_note"] = text("pack.index.advisor_note", lang)
    words["advice"] = text("pack.index.advice", lang)
    words["strongest"] = text("pack.index.strongest", lang)
    words["intro"] = text(
        "pack.index.intro",
        lang,
        who_scored=who_scored(data, lang),
        n=len(outcomes),
        reading=text(f"unknown.{unknown}", lang),
    )
    if advisor != DEFAULT_ADVISOR:
        words["intro"] += " " + text("pack.index.advisor_excluded", lang)
    words["fingerprint"] = text(
        "pack.index.fingerprint", lang, fingerprint=shared.fingerprint(data.folder)[:12]
    )
    failed = [o.service for o in outcomes if not o.ok]
    rows = [service_row(data, o, headlines[o.service], lang=lang) for o in outcomes]
    for row in rows:
        if not (staging / row["notebook"]).is_file():  # its worker died before writing it
            row["notebook"] = None
    return {
        "lang": lang,
        "words": words,
        "synthetic": text("briefing.synthetic", lang) if data.synthetic else "",
        "failed_note": text("pack.index.failed_note", lang, services=", ".join(failed)) if failed else "",
        "rows": rows,
        "tables": sorted(p.relative_to(staging).as_posix() for p in (staging / TABLES).glob("*.csv")),
        "data_files": sorted(p.relative_to(staging).as_posix() for p in shared.data_files(staging / DATA)),
    }


# --- the build -----------------------------------------------------------------


def _reporter(stream: TextIO, lang: str):
    """A progress callback printing one line per finished briefing to ``stream``."""

    def report(outcome: Outcome, done: int, total: int) -> None:
        if outcome.ok:
            seconds = f"{sum(outcome.seconds.values()):.1f}"
            line = text(
                "pack.progress.ok", lang, done=done, total=total, service=outcome.service, seconds=seconds
            )
        else:
            line = text(
                "pack.progress.failed",
                lang,
                done=done,
                total=total,
                service=outcome.service,
                error=outcome.error,
                log=f"{LOGS}/{outcome.service}.log",
            )
        print(line, file=stream, flush=True)

    return report


def build_pack(
    data_dir: str | Path = "data",
    out: str | Path = DEFAULT_OUT,
    *,
    services: list[str] | None = None,
    jobs: int | None = None,
    lang: str = "nl",
    unknown: str = DEFAULT_UNKNOWN,
    notebook: str | Path = NOTEBOOK,
    progress: TextIO = sys.stderr,
    advisor: str = DEFAULT_ADVISOR,
    allow_partial: bool = False,
) -> PackResult:
    """Validate ``data_dir`` and build the board pack into ``out``.

    Parameters
    ----------
    data_dir
        The data folder (see ``data/README.md``).
    out
        The pack folder; replaced as a whole once the build has finished, and
        only if odsamen wrote everything in it (:func:`check_out`). If it is a
        symbolic link, the folder it points to is replaced and the link stays.
    services
        Service codes to brief (default: all, in codebook order).
    jobs
        Briefings run at the same time (default: one per core).
    lang, unknown, advisor
        Language of the briefings (``nl``, ``en``), reading of ``?`` and of the
        scores the advisors filled in (``include``, ``exclude``).
    notebook
        The briefing notebook to run (tests swap in one that fails).
    progress
        Where progress lines go.
    allow_partial
        If a briefing fails, publish the pack in ``out`` all the same. By
        default ``out`` then keeps the previous pack and the new one, failures
        marked in its index, goes to :func:`partial_folder`.

    Returns
    -------
    PackResult
        The pack folder, every service's outcome and, if kept aside, the partial pack.

    Raises
    ------
    DataError
        If the data are invalid; nothing has been written.
    PackError
        For an unknown service code, a missing notebook, an output path
        that is a file or a folder with something odsamen did not write (also
        in the partial pack's folder), or that cannot be written to or is a
        mount point; nothing has been written.
    PackFault
        For a fault on the way (a full disk, a file of the previous pack held
        open, data saved during the build, another build into ``out``): the
        previous pack is as it was and the staging folder is gone.
    """
    start = time.perf_counter()
    check_language(lang)
    check_unknown(unknown)
    check_advisor(advisor)
    out = Path(out)
    target = resolve_out(out)
    with build_lock(out, target):  # first of all: of two builds into one folder, the second stops here
        outcomes, partial = _locked_build(
            data_dir,
            out,
            target,
            services=services,
            jobs=jobs,
            lang=lang,
            unknown=unknown,
            notebook=notebook,
            progress=progress,
            advisor=advisor,
            allow_partial=allow_partial,
        )
    return PackResult(out, outcomes, round(time.perf_counter() - start, 2), partial)


def _locked_build(
    data_dir: str | Path,
    out: Path,
    target: Path,
    *,
    services: list[str] | None,
    jobs: int | None,
    lang: str,
    unknown: str,
    notebook: str | Path,
    progress: TextIO,
    advisor: str,
    allow_partial: bool,
) -> tuple[list[Outcome], Path | None]:
    """:func:`build_pack` once it holds the lock on ``target``: the outcomes, and the partial pack's
    folder if the new pack was kept aside."""
    try:
        before = shared.fingerprint(data_dir)  # the copy in the pack must be these bytes (checked there)
    except OSError:
        before = None  # a file that cannot be read: load_dataset says which
    data = load_dataset(data_dir)
    codes = choose_services(data, services)
    notebook = check_notebook(notebook)
    remove_stale_staging(target)  # first: a swap cut short puts the previous pack back
    # The analysis notebooks write the same tables as the pack: replacing those loses nothing.
    tables = table_bytes(data, unknown)
    check_out(target, same_as=tables)
    check_out(partial_folder(target))
    workers = max(1, min(jobs or default_jobs(), len(codes)))
    staging = make_staging(target)  # before the first line: a folder that cannot be written is all it says
    print(text("pack.progress.start", lang, n=len(codes), jobs=workers, out=out), file=progress, flush=True)
    partial = None
    try:
        with stop_signals() as stopped:
            outcomes = _build_in(
                staging,
                data,
                codes,
                notebook,
                workers=workers,
                lang=lang,
                unknown=unknown,
                advisor=advisor,
                progress=progress,
                stopped=stopped,
                fingerprint=before,
                tables=tables if advisor == DEFAULT_ADVISOR else None,
            )
        if all(o.ok for o in outcomes) or allow_partial:
            publish(staging, target, same_as=tables)
            remove_partial(target)
        else:
            partial = publish(staging, partial_folder(target))
    except OSError as err:  # a full disk, a file held open: one line, the previous pack untouched
        raise os_fault(err, out) from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return outcomes, partial


class Interrupted(KeyboardInterrupt):
    """A build stopped by Ctrl-C or SIGTERM; ``signum`` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def stop_signals():
    """While a build runs, Ctrl-C (SIGINT) and SIGTERM stop it the same way: :class:`Interrupted` is
    raised at once, the workers are stopped and the staging folder goes, and the signal is kept in
    the yielded list. Outside the main thread signals cannot be caught and nothing changes."""
    stopped: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield stopped
        return

    def stop(signum, frame):
        stopped.append(signum)
        raise Interrupted(signum)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stopped
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def table_bytes(data: Dataset, unknown: str) -> dict[str, bytes]:
    """The affinity tables a pack of ``data`` holds, by path in the pack (``tables/<name>.csv``)."""
    import tempfile

    from odsamen.analysis.affinity import write_tables

    with tempfile.TemporaryDirectory(prefix="odsamen-tables-") as scratch:
        paths = write_tables(data, scratch, unknown=unknown)
        return {f"{TABLES}/{path.name}": path.read_bytes() for path in paths.values()}


def _build_in(
    staging: Path,
    data: Dataset,
    codes: list[str],
    notebook: Path,
    *,
    workers: int,
    lang: str,
    unknown: str,
    advisor: str,
    progress: TextIO,
    stopped: list[int] | None = None,
    fingerprint: str | None = None,
    tables: dict[str, bytes] | None = None,
) -> list[Outcome]:
    """Fill ``staging`` with the whole pack; returns the outcomes in codebook order. ``tables``: the
    affinity tables' bytes by path (:func:`table_bytes`) if already computed for this reading."""
    from odsamen.analysis import coalitions, evidence
    from odsamen.analysis.affinity import write_tables
    from odsamen.analysis.scoring import Reading
    from odsamen.publish.export import render_index
    from odsamen.report.briefing import headline

    # The briefings read the pack's own copy of the data, byte for byte the validated files.
    copy_data(data, staging / DATA, fingerprint)
    # For the front page, computed here while the briefings run (each briefing computes its own).
    results = shared.SharedResults.compute(data)
    report = _reporter(progress, lang)
    headlines = {}
    reading = Reading(unknown, advisor)
    forms: dict[str, pd.DataFrame] = {}

    def check() -> None:
        if stopped:
            # A stop signal whose KeyboardInterrupt a library swallowed (raised inside a finaliser,
            # it is only reported) still stops the build, here, within a poll interval.
            raise Interrupted(stopped[-1])

    def on_done(outcome: Outcome, done: int, total: int) -> None:
        check()
        ensure_log(staging / LOGS / f"{outcome.service}.log", outcome)
        report(outcome, done, total)
        # The front page's figures are computed here, while the other briefings still run; the forms
        # of every coalition once, for the front page and the pack's tables alike.
        if not forms:
            forms["table"] = coalitions.scenario_verdicts(data, None, reading, lang=lang)
            forms["evidence"] = evidence.advice_evidence(data, reading)
        headlines[outcome.service] = headline(
            data, outcome.service, advisor=advisor, results=results, found=forms["evidence"]
        )

    outcomes = run_jobs(
        pack_jobs(data, codes, staging, lang=lang, unknown=unknown, notebook=notebook, advisor=advisor),
        n_jobs=len(codes),
        workers=workers,
        work=staging / WORK,
        on_done=on_done,
        check=check,
    )
    _keep_worker_errors(staging)
    if tables is None:
        write_tables(data, staging, unknown=unknown, advisor=advisor)
    else:
        (staging / TABLES).mkdir(exist_ok=True)
        for name, content in tables.items():
            (staging / name).write_bytes(content)
    evidence.write_tables(data, staging, reading, lang=lang, table=forms.get("table"))
    context = index_context(data, outcomes, headlines, staging, lang=lang, unknown=unknown, advisor=advisor)
    render_index(context, staging / "index.html")
    return outcomes


def ensure_log(log: Path, outcome: Outcome) -> None:
    """Write ``log`` for a briefing whose worker ended before it could (killed, out of memory), so
    that the link to it in the progress line and the front page leads somewhere."""
    if log.exists():
        return
    log.write_text(
        f"service: {outcome.service}\nresult: FAILED\n\n=== error ===\n{outcome.error}\n"
        "The worker process running this briefing ended before it could write its log; "
        "what it said, if anything, is in workers.log beside this log.\n",
        encoding="utf-8",
    )


def _keep_worker_errors(staging: Path) -> None:
    """Keep what the workers wrote to stderr, if anything, as ``logs/workers.log``."""
    said = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((staging / WORK).glob(WORKER_ERRORS))
    ]
    if any(text_.strip() for text_ in said):
        (staging / LOGS / "workers.log").write_text("\n".join(said), encoding="utf-8")


def summary(result: PackResult, lang: str) -> str:
    """The closing line of a build: where the pack is, and which briefings failed."""
    if result.ok:
        return text(
            "pack.summary.ok", lang, n=len(result.outcomes), out=result.out, seconds=f"{result.seconds:.1f}"
        )
    return text(
        "pack.summary.partial" if result.partial else "pack.summary.failed",
        lang,
        n_failed=len(result.failed),
        n=len(result.outcomes),
        services=", ".join(result.failed),
        out=result.out,
        partial=result.partial,
        seconds=f"{result.seconds:.1f}",
    )


# --- reference notebooks -------------------------------------------------------


def _run_references(
    jobs: list[Job],
    targets: dict[str, Path],
    *,
    workers: int,
    work: Path,
    progress: TextIO,
    lang: str,
) -> list[Outcome]:
    """Run reference ``jobs`` and move each successful notebook to its target."""
    outcomes = run_jobs(jobs, n_jobs=len(jobs), workers=workers, work=work, on_done=_reporter(progress, lang))
    for job, outcome in zip(jobs, outcomes, strict=True):
        if outcome.ok:
            shutil.move(job.notebook_out, targets[job.service])
        else:
            print(job.log.read_text(encoding="utf-8") if job.log.exists() else outcome.error, file=progress)
    return outcomes


def write_reference_notebooks(
    data_dir: str | Path,
    folder: str | Path,
    *,
    services: list[str] | None = None,
    jobs: int | None = None,
    lang: str = "nl",
    unknown: str = DEFAULT_UNKNOWN,
    notebook: str | Path = NOTEBOOK,
    progress: TextIO = sys.stderr,
) -> list[Outcome]:
    """Write the executed notebooks that nbval re-runs and compares (``make test``), figures removed.

    Each service's briefing goes to ``folder/<CODE>.ipynb`` with ``data_dir``
    relative to ``folder``; the briefing notebook itself is run with its own
    default parameters and its stored outputs are replaced. A briefing that
    fails leaves its previous version in place and is among the outcomes.
    """
    import tempfile

    import nbformat

    data = load_dataset(data_dir)
    codes = choose_services(data, services)
    notebook = check_notebook(notebook)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    relative = os.path.relpath(Path(data_dir).resolve(), folder.resolve())
    workers = max(1, min(jobs or default_jobs(), len(codes)))
    with tempfile.TemporaryDirectory(prefix="odsamen-references-") as scratch:
        work = Path(scratch)
        source = read_notebook(notebook)
        briefings = [
            Job(
                service=code,
                title=code,
                lang=lang,
                cwd=folder,
                notebook_out=work / f"{code}.ipynb",
                log=work / f"{code}.log",
                keep_images=False,
                notebook=parameterize(source, service=code, lang=lang, data_dir=relative, unknown=unknown),
            )
            for code in codes
        ]
        outcomes = _run_references(
            briefings,
            {code: folder / f"{code}.ipynb" for code in codes},
            workers=workers,
            work=work,
            progress=progress,
            lang=lang,
        )
        itself = Job(
            service=notebook.stem,
            title=notebook.stem,
            lang=lang,
            cwd=notebook.parent,
            notebook_out=work / notebook.name,
            log=work / f"{notebook.stem}.log",
            keep_images=False,
            notebook=nbformat.read(notebook, as_version=4),
        )
        outcomes += _run_references(
            [itself],
            {notebook.stem: notebook},
            workers=1,
            work=work,
            progress=progress,
            lang=lang,
        )
    return outcomes


# --- command line ------------------------------------------------------------------


def command(
    *,
    data: Path,
    out: Path,
    services: list[str] | None,
    jobs: int | None,
    lang: str,
    unknown: str,
    advisor: str = DEFAULT_ADVISOR,
    reference: Path | None = None,
    notebook: Path = NOTEBOOK,
    stream: TextIO = sys.stderr,
    allow_partial: bool = False,
) -> int:
    """``odsamen briefings``: exit code 0 when every briefing was built, 1 when one failed (the
    previous pack stays unless ``allow_partial``), 2 for invalid data or arguments (nothing
    written), 130 when interrupted by Ctrl-C and 143 by SIGTERM (nothing written)."""
    from odsamen.analysis.data import DataError

    try:
        if jobs is not None and jobs < 1:
            raise PackError("pack.bad_jobs", jobs=jobs)
        if reference is not None:
            outcomes = write_reference_notebooks(
                data,
                reference,
                services=services,
                jobs=jobs,
                lang=lang,
                unknown=unknown,
                notebook=notebook,
                progress=stream,
            )
            failed = [o.service for o in outcomes if not o.ok]
            key = "pack.references.failed" if failed else "pack.references.done"
            print(
                text(
                    key,
                    lang,
                    n=len(outcomes) - 1,  # the last outcome is the briefing notebook itself
                    n_failed=len(failed),
                    services=", ".join(failed),
                    folder=reference,
                ),
                file=stream,
            )
            return 1 if failed else 0
        result = build_pack(
            data,
            out,
            services=services,
            jobs=jobs,
            lang=lang,
            unknown=unknown,
            notebook=notebook,
            progress=stream,
            advisor=advisor,
            allow_partial=allow_partial,
        )
    except DataError as err:
        print(err.report(data, lang), file=stream)
        return 2
    except PackFault as err:
        print(err.message(lang), file=stream)
        return 1
    except OSError as err:  # met before the build (a name too long, a file that cannot be read)
        print(os_fault(err, Path(out)).message(lang), file=stream)
        return 1
    except PackError as err:
        print(err.message(lang), file=stream)
        return 2
    except KeyboardInterrupt as err:
        print(text("pack.interrupted", lang, out=out), file=stream)
        return 128 + getattr(err, "signum", signal.SIGINT)
    print(summary(result, lang), file=stream)
    return 0 if result.ok else 1
