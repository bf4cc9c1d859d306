#!/usr/bin/env bash
# What `make test` needs from the system, checked before any test runs: Chromium (the browser tests),
# Java (the Nu Html Checker) and npm (axe-core and vnu-jar, which `make` then installs with `npm ci`).
# Installs what is missing with Debian's apt-get when it can (as root, or with sudo that asks for no
# password); otherwise stops at once with the command to run. Never downloads a browser of its own.
set -euo pipefail

stop() { printf 'system-tools: %s\n' "$1" >&2; shift; printf '%s\n' "$@" >&2; exit 1; }

if [ -n "${CHROMIUM:-}" ] && [ ! -x "$CHROMIUM" ]; then
  if [ -e "$CHROMIUM" ]; then what="is not executable"; else what="does not exist"; fi
  stop "CHROMIUM=$CHROMIUM $what." \
    "Point CHROMIUM at a Chromium executable, or unset it to use /usr/bin/chromium (Debian's chromium)."
fi

missing=()
[ -n "${CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

install=(apt-get install -y -qq --no-install-recommends "${missing[@]}")
if ! command -v apt-get >/dev/null; then
  stop "missing: ${missing[*]} (Debian package names), and this machine has no apt-get." \
    "Install Chromium (at /usr/bin/chromium, or set CHROMIUM), a Java runtime and npm, then run make test again."
elif [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  stop "missing: ${missing[*]}. Install them, then run make test again:" \
    "  sudo apt-get update && sudo ${install[*]}"
fi
echo "system-tools: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "${install[@]}"
