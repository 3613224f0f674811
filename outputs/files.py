"""Writing a file so that no partial file is ever left behind, and writing folders whole."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from geo.errors import TrippError

__all__ = ["TEMP_MARK", "WriteError", "atomic_write", "swap_folder"]

# Marks our temporary files, so a later run can remove what a killed one left behind, and only that.
TEMP_MARK = ".tripp-tmp-"


class WriteError(TrippError):
    """A file or folder could not be written."""


def _stale(folder: Path, name: str) -> None:
    for old in folder.glob(f".{name}{TEMP_MARK}*"):
        with contextlib.suppress(OSError):
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            else:
                old.unlink()


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the target's folder, then move it into place.

    The temporary file keeps the target's suffix (GDAL picks its format by it) and is removed on any
    error; one left by a killed run is removed by the next. A symbolic link is written through, to
    its target, and stays a link.
    """
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{path}: cannot write: folder {folder} does not exist")
    _stale(folder, target.name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror}") from exc
    os.close(fd)
    try:
        write(Path(tmp))
        # mkstemp makes the file private; a written map or layer is for sharing.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    except Exception as exc:  # a writer's own error (GDAL's on a full disk) is a failure to write too
        raise WriteError(
            f"{path}: cannot write: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        ) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def swap_folder(folder: Path, fill: Callable[[Path], None]) -> None:
    """Fill a fresh folder beside ``folder``, then move its files in: a run that fails while it makes
    them leaves the old folder as it was. Files of ``folder`` that the run does not write are kept."""
    target = folder.resolve() if folder.is_symlink() else folder
    parent = target.parent if str(target.parent) else Path(".")
    if target.exists() and not target.is_dir():
        raise WriteError(f"{folder}: cannot write: not a folder")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _stale(parent, target.name)
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}{TEMP_MARK}", dir=parent))
    except OSError as exc:
        raise WriteError(f"{folder}: cannot write: {exc.strerror}") from exc
    try:
        fill(fresh)
        target.mkdir(exist_ok=True)
        umask = os.umask(0)
        os.umask(umask)
        for made in sorted(fresh.iterdir()):
            os.chmod(made, 0o666 & ~umask)
            os.replace(made, target / made.name)
    except OSError as exc:
        raise WriteError(f"{folder}: cannot write: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
