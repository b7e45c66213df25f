#!/usr/bin/env bash
# Installs Debian's chromium (/usr/bin/chromium) for the browser cells of the runtime matrix
# (test/runtimes). Needs root and apt-get; exits non-zero with one line saying why otherwise.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
command -v apt-get >/dev/null 2>&1 || { echo "apt-get is not available on this machine" >&2; exit 1; }
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
    echo "installing chromium needs root (apt-get install chromium)" >&2; exit 1
  fi
else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2 || { echo "apt-get update failed" >&2; exit 1; }
$SUDO apt-get install -y -qq --no-install-recommends chromium >&2 || { echo "apt-get install chromium failed" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "apt-get installed chromium but /usr/bin/chromium is missing" >&2; exit 1; }
