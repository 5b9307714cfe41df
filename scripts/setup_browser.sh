#!/usr/bin/env bash
# Installs Debian's chromium and chromedriver for the browser tests, once.
set -u
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup_browser: chromium is missing and this user cannot install it; browser tests will be skipped" >&2
    exit 0
  fi
fi
echo "setup_browser: installing chromium and chromium-driver from Debian" >&2
$SUDO apt-get update -qq >/dev/null && \
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null || {
  echo "setup_browser: apt-get install chromium chromium-driver failed" >&2
  exit 1
}
