"""Writing a file so that no partial file is ever left behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from geo.errors import TrippError

__all__ = ["WriteError", "atomic_write"]


class WriteError(TrippError):
    """A file or folder could not be written."""


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then move it into place."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{path}: cannot write: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror}") from exc
    os.close(fd)
    try:
        write(Path(tmp))
        # mkstemp makes the file private; a written map or layer is for sharing.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
