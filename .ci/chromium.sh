#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/test_browser.py) when it is missing.
# Fails soft: if it cannot be installed, say so and exit 0; the browser tests then skip with a reason.
set -u
if [ -x /usr/bin/chromium ]; then
  echo "chromium.sh: /usr/bin/chromium is present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "chromium.sh: not root and no passwordless sudo; browser tests will be skipped"
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium.sh: no apt-get on this machine; browser tests will be skipped"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
  echo "chromium.sh: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
else
  echo "chromium.sh: could not install chromium with apt-get; browser tests will be skipped"
fi
exit 0
