#!/usr/bin/env bash
# Install disclint with its test extras (and the system packages the tests drive), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -s .ci/apt-packages ] && command -v apt-get >/dev/null; then
  missing=$(grep -v '^#' .ci/apt-packages | while read -r p; do [ -n "$p" ] && ! dpkg -s "$p" >/dev/null 2>&1 && echo "$p"; done || true)
  if [ -n "$missing" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  fi
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
