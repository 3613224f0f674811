"""Running a piece of the map's own scripts under Node from a Python test: JSON in, JSON out."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

LOAD = Path(__file__).parent / "js" / "load.js"
NODE = shutil.which("node")


def run_node(script: str, payload: object) -> object:
    """Run ``script`` (it gets ``load.js``'s path as ``process.argv[1]`` and the payload on stdin) and
    return what it writes to stdout, parsed."""
    if NODE is None:
        pytest.fail("node not found: run scripts/setup.sh test (it installs Debian's nodejs)")
    proc = subprocess.run(
        [NODE, "-e", script, str(LOAD)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(proc.stdout)
