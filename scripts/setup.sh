#!/usr/bin/env bash
# Create .venv at the repository root and install tripp-map into it.
# Usage: scripts/setup.sh [app|test]   ("test" adds the test tools, Chromium, Node.js and axe-core)
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
  # Node.js runs the unit tests of the map's own scripts (tests/js); npm fetches axe-core.
  missing=""
  [ -x /usr/bin/chromium ] || missing="$missing chromium"
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
  # The lesson tests run on PostgreSQL too: Debian's server, started by the tests in a temporary folder.
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing="$missing postgresql"
  if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
  # axe-core, the accessibility engine the browser tests run, from the npm registry: its current release,
  # kept in a folder of its version so a new pin is fetched anew (tests/browser.py reads the same pin).
  axe_version=$(sed -n 's/^AXE_VERSION = "\(.*\)"$/\1/p' tests/browser.py)
  if [ ! -f ".cache/axe-core/$axe_version/axe.min.js" ]; then
    mkdir -p ".cache/axe-core/$axe_version"
    (cd ".cache/axe-core/$axe_version" && npm pack "axe-core@$axe_version" --silent >/dev/null \
      && tar -xzf axe-core-*.tgz package/axe.min.js && mv package/axe.min.js . && rm -rf package axe-core-*.tgz)
  fi
fi
