#!/usr/bin/env bash
# Create .venv at the repository root and install tripp-map into it.
# Usage: scripts/setup.sh [app|test]   ("test" adds the test tools, Chromium and Node.js)
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-app}"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
extra=""
[ "$kind" = test ] && extra="[test]"
.venv/bin/python -m pip install --quiet -c requirements.lock -e ".${extra}"
if [ "$kind" = test ]; then
  # Playwright's own browser download is unreachable here; Debian's Chromium works.
  # Node.js runs the unit tests of the map's own scripts (tests/js).
  missing=""
  [ -x /usr/bin/chromium ] || missing="$missing chromium"
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
fi
