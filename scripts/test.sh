#!/usr/bin/env bash
# Set up (first time) and run every check: ruff, the map's scripts under Node, then all Python tests,
# browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/ruff check .
node --test tests/js/
.venv/bin/python -m pytest -rs "$@"
