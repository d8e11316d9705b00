#!/usr/bin/env bash
# Headless Chromium and its WebDriver (Debian packages chromium, chromium-driver) for the HTML report tests, and tmux
# for the dashboard's terminal test, and the sqlite3 shell the tracker and configuration tests use to set up states.
# Installs only what is missing; needs root (apt) for that. Idempotent.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "chromium.sh: missing ${missing[*]} and not root: the report and dashboard tests will fail under CI=true" >&2
        exit 0
    fi
    echo "chromium.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/ecodmini-apt-chromium.log 2>&1; then
        apt-get update >>/tmp/ecodmini-apt-chromium.log 2>&1
        apt-get install -y --no-install-recommends "${missing[@]}" >>/tmp/ecodmini-apt-chromium.log 2>&1 \
            || { echo "chromium.sh: apt-get failed, see /tmp/ecodmini-apt-chromium.log" >&2; exit 1; }
    fi
fi
echo "chromium.sh: $(chromium --version 2>/dev/null | head -1); $(chromedriver --version 2>/dev/null | head -1); $(tmux -V); sqlite3 $(sqlite3 --version 2>/dev/null | cut -d" " -f1)"
