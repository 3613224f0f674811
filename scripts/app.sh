#!/usr/bin/env bash
# Set up (first time) and run the app: http://localhost:8501 (and on this machine's network, for a class)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
exec .venv/bin/tripp-map app "$@"
