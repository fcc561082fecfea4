#!/bin/sh
# Install the Debian packages the tests and benchmarks run, when they are missing.
#
#   scripts/system-packages.sh PACKAGE=PATH ...
#
# Each argument names a Debian package and the file it provides; the package is installed
# (quietly, without questions) only when that file is absent, and the package lists are
# refreshed only when apt cannot find the package in the ones it has. Without root, or without
# apt-get, the script says what is missing and exits 0: the tests that need the package skip
# with that reason.
set -eu

missing=""
for wanted in "$@"; do
    package=${wanted%%=*}
    file=${wanted#*=}
    [ -e "$file" ] || missing="$missing $package"
done
[ -n "$missing" ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "system-packages: apt-get is not here; install by other means:$missing" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "system-packages: not root; as root, run: apt-get install$missing" >&2
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
for package in $missing; do
    if ! apt-cache show "$package" >/dev/null 2>&1; then
        echo "system-packages: refreshing the package lists" >&2
        apt-get update -qq
        break
    fi
done
echo "system-packages: installing$missing" >&2
# shellcheck disable=SC2086  # one word per package
if ! apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    # Lists older than the mirror name files it no longer has: refresh them and try once more.
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
