#!/usr/bin/env bash
# The system parts the test suite needs beyond Python: Debian's chromium and chromium-driver for
# the browser tests of the web UI. `make test` runs this first. It installs only what is missing,
# needs root (or password-less sudo) to install, and never starts anything listening off loopback.
# Under CI=true a failure stops the run (CI must have them); elsewhere it warns, and the browser
# tests skip with the reason.
set -uo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
[ ${#packages[@]} -eq 0 ] && exit 0

fail() {
    if [ "${CI:-}" = "true" ]; then
        echo "system-deps: $1" >&2
        exit 1
    fi
    echo "system-deps: $1; browser tests will be skipped" >&2
    exit 0
}

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    fail "installing ${packages[*]} needs root: run 'sudo apt-get install ${packages[*]}'"
fi
command -v apt-get >/dev/null 2>&1 || fail "no apt-get here: install ${packages[*]} yourself"

echo "system-deps: installing ${packages[*]} (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null \
    && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null \
    || fail "apt-get could not install ${packages[*]}"
