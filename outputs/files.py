"""Writing a file so that no partial file is ever left behind, and writing folders whole."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from geo.errors import TrippError, shown

__all__ = ["TEMP_MARK", "WriteError", "atomic_write", "swap_folder"]

# Marks our temporary files, so a later run can remove what a killed one left behind, and only that.
TEMP_MARK = ".tripp-tmp-"


class WriteError(TrippError):
    """A file or folder could not be written."""


def _pid_of(temp: Path) -> int | None:
    """The process that owns one of our temporaries (its name carries the writer's process id)."""
    rest = temp.name.split(TEMP_MARK, 1)[-1]
    head = rest.split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)  # no signal sent: only whether the process exists (another user's counts as alive)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _stale(folder: Path, name: str) -> None:
    """Remove the temporaries a killed run left for ``name``: only those whose writer is gone, so a writer
    running beside this one keeps its own."""
    for old in folder.glob(f".{name}{TEMP_MARK}*"):
        pid = _pid_of(old)
        if pid == os.getpid() or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            else:
                old.unlink()


def _temp_name(name: str, suffix: str = "") -> str:
    return f".{name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(6)}{suffix}"


def _target(path: Path) -> Path:
    """Where ``path`` writes: through a symbolic link to its target; a loop is a one-line error."""
    try:
        return path.resolve() if path.is_symlink() else path
    except (RuntimeError, OSError) as exc:
        raise WriteError(f"{shown(path)}: cannot write: a symbolic link loop") from exc


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the target's folder, then move it into place.

    The temporary file is this writer's own (named with its process id, made with the process's umask, never
    touched by another writer) and keeps the target's suffix (GDAL picks its format by it). It is flushed to
    disk before the move, and removed on any error; one left by a killed run is removed by a later one. An
    existing target keeps its permissions; a symbolic link is written through, to its target, and stays a link;
    a target with other hard links is filled in place once the new bytes are complete, so every link sees them.
    """
    target = _target(path)
    label = shown(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{label}: cannot write: folder {shown(folder)} does not exist")
    try:
        before = os.stat(target) if target.exists() else None
        _stale(folder, target.name)
        tmp = folder / _temp_name(target.name, target.suffix)
        # 0o666 less the umask, applied by the system: no process-wide setting is changed.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise WriteError(f"{label}: cannot write: {exc.strerror}") from exc
    try:
        write(tmp)
        if before is not None:
            os.chmod(tmp, stat.S_IMODE(before.st_mode))
        _fsync(tmp)
        if before is not None and before.st_nlink > 1:
            shutil.copyfile(tmp, target)
            _fsync(target)
        else:
            os.replace(tmp, target)
        _fsync(folder, directory=True)
    except OSError as exc:
        raise WriteError(f"{label}: cannot write: {exc.strerror or exc}") from exc
    except Exception as exc:  # a writer's own error (GDAL's on a full disk) is a failure to write too
        reason = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WriteError(f"{label}: cannot write: {shown(reason)}") from exc
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def swap_folder(folder: Path, fill: Callable[[Path], None]) -> None:
    """Fill a fresh folder beside ``folder``, then move its files in: a run that fails while it makes
    them leaves the old folder as it was. Files of ``folder`` that the run does not write are kept."""
    target = _target(folder)
    label = shown(folder)
    parent = target.parent if str(target.parent) else Path(".")
    if target.exists() and not target.is_dir():
        raise WriteError(f"{label}: cannot write: not a folder")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _stale(parent, target.name)
        fresh = parent / _temp_name(target.name)
        fresh.mkdir(mode=0o700)
    except OSError as exc:
        raise WriteError(f"{label}: cannot write: {exc.strerror}") from exc
    try:
        fill(fresh)
        target.mkdir(exist_ok=True)
        for made in sorted(fresh.iterdir()):
            # The filler made each file with the process's umask, as any new file is.
            _fsync(made)
            os.replace(made, target / made.name)
        _fsync(target, directory=True)
    except OSError as exc:
        raise WriteError(f"{label}: cannot write: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
