"""Where the files beside the code are: the checkout's top folder, or an installed package's share folder.

The seed article, ``app.py`` and the app's ``.streamlit/config.toml`` stand at the top of a checkout; an
installed package carries them in ``<prefix>/share/tripp-map`` (pyproject's data-files).
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

__all__ = ["project_file"]

_CHECKOUT = Path(__file__).resolve().parent.parent
_SHARED = Path("share") / "tripp-map"


def _installed() -> list[Path]:
    # The prefix a pip install wrote data-files to: the environment's, or a user install's (pip --user).
    user = sysconfig.get_path("data", sysconfig.get_preferred_scheme("user"))
    prefixes = dict.fromkeys([sysconfig.get_path("data"), sys.prefix, user])
    return [Path(p) / _SHARED for p in prefixes]


def project_file(relative: str) -> Path:
    """A file of the project beside its code (``seeds/…``, ``app.py``): the checkout's when there is one, else
    the installed package's; the checkout's path when neither exists (the error then names it)."""
    for base in (_CHECKOUT, *_installed()):
        if (base / relative).exists():
            return base / relative
    return _CHECKOUT / relative
