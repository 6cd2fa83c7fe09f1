#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian/Ubuntu packages FollowMe needs to build, test and run, when missing.
# Sourced by run.sh and test.sh; safe to run on its own.
set -euo pipefail

FOLLOWME_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6svg6
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins libgl1-mesa-dev
    qt6-websockets-dev libqt6sql6-sqlite qtkeychain-qt6-dev openssl
    desktop-file-utils appstream
)

followme_install_deps() {
    local missing=()
    for package in "${FOLLOWME_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

FOLLOWME_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FOLLOWME_BUILD_DIR="${FOLLOWME_BUILD_DIR:-$FOLLOWME_ROOT/build}"

# Installs what is missing, then configures (once) and builds the tree in $FOLLOWME_BUILD_DIR.
followme_build() {
    followme_install_deps
    cmake -S "$FOLLOWME_ROOT" -B "$FOLLOWME_BUILD_DIR" -G Ninja \
        -DCMAKE_BUILD_TYPE="${FOLLOWME_BUILD_TYPE:-RelWithDebInfo}" \
        -DFOLLOWME_WERROR="${FOLLOWME_WERROR:-ON}" >/dev/null
    cmake --build "$FOLLOWME_BUILD_DIR" --parallel "$(nproc)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    followme_install_deps
fi
