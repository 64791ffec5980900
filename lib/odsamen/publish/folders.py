"""The folders of a pack: where it goes, the lock on builds into it, the hidden staging folder
it is built in, its manifest and the swap that publishes it.

A folder is replaced only when odsamen can prove it wrote everything in it
(:func:`unaccounted`); any other folder is refused before anything is written,
and the folder is looked at again just before the swap (:func:`publish`).
A symbolic link as the output folder stays a link: the pack goes where it points.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from odsamen.analysis import shared
from odsamen.analysis.data import Dataset
from odsamen.catalogue import text

DEFAULT_OUT = Path("reports")


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
