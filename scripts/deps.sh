#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian/Ubuntu packages FollowMe needs to build, test and run, when missing.
# Sourced by run.sh, test.sh and package-check.sh; safe to run on its own.
#
# The lists are exact: scripts/clean-room.sh builds and tests in a fresh minimal Debian root that
# holds nothing else, so a package missing here fails there (packages are installed with
# --no-install-recommends, as a recommended package may not be there).
#
# The build is chosen with environment variables (all optional):
#   FOLLOWME_BUILD_DIR     where to build (default: build/)
#   FOLLOWME_BUILD_TYPE    CMake build type (default: RelWithDebInfo)
#   FOLLOWME_WERROR        ON/OFF: warnings are errors (default: ON)
#   FOLLOWME_COMPILER      gcc or clang (default: gcc)
#   FOLLOWME_SANITIZE      e.g. address,undefined (default: none; see docs/building.md)
#   FOLLOWME_BUILD_CLIENT  ON/OFF: the desktop client and its widgets (default: ON; OFF builds the
#                          server alone, without Widgets or Charts)
set -euo pipefail

# The core library, the server, its admin tool and the tests. libsimdjson-dev: the strict JSON
# parser of the wire (docs/dependencies.md); python3-jsonschema checks docs/protocol.schema.json
# against the protocol document's examples; qt6-httpserver-dev serves the admin console.
# libqt6sql6-psql is Qt's PostgreSQL driver, the server's second backend; postgresql gives the
# server tests initdb and pg_ctl for the throwaway clusters they start (its own cluster is unused),
# haproxy the reverse proxy they put in front of several servers (its own service is unused).
FOLLOWME_BASE_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev libqt6sql6-sqlite openssl
    libqt6sql6-psql postgresql haproxy
    libsimdjson-dev python3 python3-jsonschema
)
# The desktop client. Qt6Charts' CMake package needs Qt6OpenGL's, which qt6-base-dev only
# recommends (libqt6opengl6-dev). Chromium, its driver and Selenium run tst_adminconsole (the
# admin console in a real browser beside the desktop client); a font so its pages have text.
FOLLOWME_CLIENT_PACKAGES=(
    qt6-charts-dev libqt6opengl6-dev libgl1-mesa-dev qt6-svg-dev libqt6svg6
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins qtkeychain-qt6-dev
    desktop-file-utils appstream
    chromium chromium-driver python3-selenium fonts-dejavu-core
)
# A clang build: the compiler, its sanitizer runtimes and the symbolizer for readable reports.
# (libclang-rt-dev and llvm follow the distribution's default clang, as clang does.)
FOLLOWME_CLANG_PACKAGES=(clang libclang-rt-dev llvm)

# FOLLOWME_BUILD_CLIENT as ON or OFF, whichever of CMake's spellings was given.
case "${FOLLOWME_BUILD_CLIENT:-ON}" in
[Oo][Nn] | 1 | [Yy][Ee][Ss] | [Tt][Rr][Uu][Ee] | [Yy]) FOLLOWME_BUILD_CLIENT=ON ;;
[Oo][Ff][Ff] | 0 | [Nn][Oo] | [Ff][Aa][Ll][Ss][Ee] | [Nn]) FOLLOWME_BUILD_CLIENT=OFF ;;
*)
    echo "FOLLOWME_BUILD_CLIENT must be ON or OFF, not ${FOLLOWME_BUILD_CLIENT}" >&2
    exit 1
    ;;
esac
export FOLLOWME_BUILD_CLIENT

# The packages the build selected by the variables above needs.
followme_packages() {
    local packages=("${FOLLOWME_BASE_PACKAGES[@]}")
    [ "${FOLLOWME_BUILD_CLIENT:-ON}" = ON ] && packages+=("${FOLLOWME_CLIENT_PACKAGES[@]}")
    [ "${FOLLOWME_COMPILER:-gcc}" = clang ] && packages+=("${FOLLOWME_CLANG_PACKAGES[@]}")
    printf '%s\n' "${packages[@]}"
}

followme_is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# Installs those of the given packages that are missing (with sudo unless root).
followme_install_packages() {
    local missing=()
    for package in "$@"; do
        followme_is_installed "$package" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

followme_install_deps() {
    local packages
    mapfile -t packages < <(followme_packages)
    followme_install_packages "${packages[@]}"
}

FOLLOWME_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FOLLOWME_BUILD_DIR="${FOLLOWME_BUILD_DIR:-$FOLLOWME_ROOT/build}"

# Installs what is missing, then configures and builds the tree in $FOLLOWME_BUILD_DIR.
followme_build() {
    followme_install_deps
    local compiler
    case "${FOLLOWME_COMPILER:-gcc}" in
    gcc) compiler=g++ ;;
    clang) compiler=clang++ ;;
    *)
        echo "FOLLOWME_COMPILER must be gcc or clang, not ${FOLLOWME_COMPILER}" >&2
        return 1
        ;;
    esac
    # The compiler is chosen when a build tree is made (through CXX). Changing it later would make
    # CMake throw the cache away, and the other settings below with it: refuse that instead.
    local cache="$FOLLOWME_BUILD_DIR/CMakeCache.txt"
    if [ -f "$cache" ]; then
        local configured
        configured="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$cache")"
        if [ "$(basename "$(readlink -f "$configured")")" != "$(basename "$(readlink -f "$(command -v "$compiler")")")" ]; then
            echo "$FOLLOWME_BUILD_DIR was made with $configured, not $compiler:" \
                "set FOLLOWME_BUILD_DIR to another directory, or remove this one" >&2
            return 1
        fi
    fi
    CXX="$compiler" cmake -S "$FOLLOWME_ROOT" -B "$FOLLOWME_BUILD_DIR" -G Ninja \
        -DCMAKE_BUILD_TYPE="${FOLLOWME_BUILD_TYPE:-RelWithDebInfo}" \
        -DFOLLOWME_WERROR="${FOLLOWME_WERROR:-ON}" -DFOLLOWME_REQUIRE_ALL_TESTS=ON \
        -DFOLLOWME_SANITIZE="${FOLLOWME_SANITIZE:-}" \
        -DFOLLOWME_BUILD_CLIENT="${FOLLOWME_BUILD_CLIENT:-ON}" >/dev/null
    cmake --build "$FOLLOWME_BUILD_DIR" --parallel "$(nproc)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    followme_install_deps
fi
