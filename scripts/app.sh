#!/usr/bin/env bash
# Set up (first time) and run the app: http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
exec .venv/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false "$@"
