#!/usr/bin/env bash
# Set up (first time) and run every check: ruff, then all tests, browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/python -m pytest -rs "$@"
