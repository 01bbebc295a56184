#!/bin/sh
# System packages the tests need: Chromium (browser tests, driven by Playwright for Python; never
# `playwright install`), graphviz (`dot` lays out the knowledge graph at build time) and
# bubblewrap (`bwrap`: the jail curriculum code runs in; without it builds warn and run with
# resource limits only).
set -e
missing=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v dot >/dev/null 2>&1 || missing="$missing graphviz"
command -v bwrap >/dev/null 2>&1 || missing="$missing bubblewrap"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "missing system packages:$missing" >&2
  echo "install them with your package manager, e.g. 'sudo apt-get install$missing'" >&2
  echo "(on macOS: 'brew install graphviz' and install Chromium, then set CFN_CHROMIUM)" >&2
  exit 1
fi
