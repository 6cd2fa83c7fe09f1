#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb round trip of both packages, as users get them: builds them with CPack, installs each
# one ALONE with `apt-get install ./<package>_*.deb`, runs the INSTALLED programs, checks its
# Depends and contents, then removes it and checks that its files are gone:
#   followme         the desktop client: --version, --export-timeline on the demo data, the
#                    desktop entry and AppStream metainfo validated; no server, no SQLite driver
#   followme-server  the server and followme-admin: the server starts and listens, `followme-admin
#                    --help` runs, the systemd unit is installed but not enabled; no Gui, Widgets
#                    or Charts
# The client goes first and is removed before the server goes in, so neither leans on the other.
# FOLLOWME_BUILD_CLIENT=OFF builds the server alone and checks followme-server only. Prints one
# PASS or FAIL line at the end; exits non-zero on failure.
#
# Installs what it needs (build dependencies, desktop-file-utils, appstream, dpkg-dev, file) with
# apt-get when missing, using sudo unless run as root. A followme package installed before is
# removed first (each package is checked alone). The build directory is $FOLLOWME_BUILD_DIR
# (default: build/). Debian/Ubuntu only.
set -Eeuo pipefail
# shellcheck source=scripts/deps.sh
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"
# shellcheck source=scripts/wait-for-server.sh
source "$(dirname "${BASH_SOURCE[0]}")/wait-for-server.sh"

CLIENT_PACKAGE=followme
SERVER_PACKAGE=followme-server
APP_ID=org.followme.FollowMe
CHECK_TOOLS=(dpkg-dev file)
PACKAGES=()
if [ "${FOLLOWME_BUILD_CLIENT:-ON}" = ON ]; then
    CHECK_TOOLS+=(desktop-file-utils appstream)
    PACKAGES+=("$CLIENT_PACKAGE")
fi
PACKAGES+=("$SERVER_PACKAGE")

SUDO=()
[ "$(id -u)" -ne 0 ] && SUDO=(sudo)
export DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s\n' "$*"; }
fail() {
    echo "package-check: $*" >&2
    echo "FAIL: package check ($*)"
    exit 1
}
# Any other failing command: one FAIL line (from the main shell, not from subshells as well).
trap '[ "$BASH_SUBSHELL" -ne 0 ] || echo "FAIL: package check (line $LINENO: $BASH_COMMAND)"' ERR


# apt-get install, updating the package lists once if a dependency can't be found.
apt_install() {
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$@" && return 0
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$@"
}


# The package names in a .deb's Depends field, one a line (versions and alternatives split off).
dependencies() {
    dpkg-deb -f "$1" Depends | tr ',|' '\n' | sed -E 's/^ *([^ (]+).*$/\1/; /^ *$/d'
}

# Splits "WANTED... --not FORBIDDEN..." into the arrays wanted and forbidden (the caller's locals).
split_not() {
    wanted=() forbidden=()
    while [ $# -gt 0 ] && [ "$1" != --not ]; do
        wanted+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    forbidden=("$@")
}

# Checks a .deb's Depends field: check_depends DEB NAME... --not NAME...
check_depends() {
    local deb="$1" package names
    local -a wanted forbidden
    shift
    split_not "$@"
    names="$(dependencies "$deb")"
    echo "$(dpkg-deb -f "$deb" Package) Depends: $(dpkg-deb -f "$deb" Depends)"
    for package in "${wanted[@]}"; do
        grep -qx "$package" <<<"$names" || fail "$(basename "$deb") does not depend on $package"
    done
    for package in "${forbidden[@]}"; do
        if grep -qx "$package" <<<"$names"; then
            fail "$(basename "$deb") depends on $package"
        fi
    done
}

# Checks a .deb's contents: check_contents DEB PATH... --not PATTERN... (the installed paths it
# must hold; extended regular expressions of those it must not).
check_contents() {
    local deb="$1" path pattern contents
    local -a wanted forbidden
    shift
    split_not "$@"
    # Listed once: grep -q on a pipe from dpkg-deb would break the pipe.
    contents="$(dpkg-deb -c "$deb" | awk '{ sub(/^\./, "", $6); print $6 }')"
    for path in "${wanted[@]}"; do
        grep -qx "$path" <<<"$contents" || fail "$(basename "$deb") does not hold $path"
    done
    for pattern in "${forbidden[@]}"; do
        if grep -Eq "^($pattern)$" <<<"$contents"; then
            fail "$(basename "$deb") holds $(grep -Em1 "^($pattern)$" <<<"$contents")"
        fi
    done
}

# The regular files of a .deb, with their installed paths.
package_files() {
    dpkg-deb -c "$1" | awk '$1 ~ /^-/ { sub(/^\./, "", $6); print $6 }'
}

# Installs one package from its .deb and checks that it came alone: none of the other FollowMe
# packages was pulled in with it.
install_alone() {
    local package="$1" deb="$2" other
    step "Installing $package alone: apt-get install ./$(basename "$deb")"
    INSTALLED_HERE+=("$package")
    apt_install "$deb"
    followme_is_installed "$package" || fail "$package is not installed after apt-get install"
    for other in "$CLIENT_PACKAGE" "$SERVER_PACKAGE"; do
        if [ "$other" != "$package" ] && followme_is_installed "$other"; then
            fail "installing $package also installed $other"
        fi
    done
}

# Removes one package and checks that none of its files is left.
remove_and_check() {
    local package="$1" deb="$2" file
    local -a files left=()
    step "Removing it: apt-get remove $package"
    mapfile -t files < <(package_files "$deb")
    [ ${#files[@]} -gt 0 ] || fail "$(basename "$deb") holds no files"
    "${SUDO[@]}" apt-get remove -y -q "$package"
    if followme_is_installed "$package"; then
        fail "$package is still installed"
    fi
    for file in "${files[@]}"; do
        if [ -e "$file" ]; then
            left+=("$file")
        fi
    done
    [ ${#left[@]} -eq 0 ] || fail "files of $package left behind after removal: ${left[*]}"
}

check_client() {
    local deb="$1"
    step "$CLIENT_PACKAGE: dependencies and contents"
    # shlibdeps found the libraries; the plugins are named by hand; the SQLite driver is the
    # server's.
    check_depends "$deb" libqt6widgets6 libqt6svg6 qt6-qpa-plugins libsimdjson14 --not libqt6sql6-sqlite
    check_contents "$deb" /usr/bin/followme /usr/share/applications/$APP_ID.desktop \
        /usr/share/metainfo/$APP_ID.metainfo.xml /usr/share/doc/$CLIENT_PACKAGE/copyright \
        --not /usr/bin/followme-server /usr/bin/followme-admin '.*/systemd/.*' \
        "/usr/share/doc/$SERVER_PACKAGE/.*"

    install_alone "$CLIENT_PACKAGE" "$deb"
    if [ -e /usr/bin/followme-server ]; then
        fail "/usr/bin/followme-server came with $CLIENT_PACKAGE"
    fi
    for file in /usr/bin/followme \
        /usr/share/applications/$APP_ID.desktop \
        /usr/share/metainfo/$APP_ID.metainfo.xml \
        /usr/share/icons/hicolor/scalable/apps/$APP_ID.svg \
        /usr/share/icons/hicolor/48x48/apps/$APP_ID.png \
        /usr/share/icons/hicolor/256x256/apps/$APP_ID.png \
        /usr/share/doc/$CLIENT_PACKAGE/copyright; do
        [ -f "$file" ] || fail "$file was not installed"
    done

    step "Running the installed client"
    local version version_output
    version="$(dpkg-deb -f "$deb" Version)"
    version_output="$(cd "$WORK" && /usr/bin/followme --version)" \
        || fail "/usr/bin/followme --version failed"
    echo "$version_output"
    grep -q "$version" <<<"$version_output" || fail "--version does not print $version"

    cp "$FOLLOWME_ROOT/resources/demo/demo-settings.json" "$WORK/demo-settings.json"
    (cd "$WORK" && /usr/bin/followme --export-timeline "$WORK/demo-settings.json" \
        --kind external --output "$WORK/timeline.png") \
        || fail "/usr/bin/followme --export-timeline failed"
    [ -s "$WORK/timeline.png" ] || fail "the exported timeline is missing or empty"
    file -b "$WORK/timeline.png" | grep -q "^PNG image data" \
        || fail "the exported timeline is not a PNG: $(file -b "$WORK/timeline.png")"
    echo "timeline.png: $(file -b "$WORK/timeline.png"), $(stat -c %s "$WORK/timeline.png") bytes"

    step "Validating the installed desktop entry and metainfo"
    desktop-file-validate /usr/share/applications/$APP_ID.desktop \
        || fail "desktop-file-validate rejects the desktop entry"
    appstreamcli validate --no-net /usr/share/metainfo/$APP_ID.metainfo.xml \
        || fail "appstreamcli rejects the metainfo"
    # The package as a tree: metainfo, desktop entry and icon belong together.
    mkdir -p "$WORK/client-tree"
    dpkg-deb -x "$deb" "$WORK/client-tree"
    appstreamcli validate-tree --no-net "$WORK/client-tree" \
        || fail "appstreamcli validate-tree fails"

    remove_and_check "$CLIENT_PACKAGE" "$deb"
}

check_server() {
    local deb="$1"
    step "$SERVER_PACKAGE: dependencies and contents"
    # The SQLite driver is a plugin (named by hand); nothing of the client's GUI.
    check_depends "$deb" libqt6sql6-sqlite libqt6websockets6 libsimdjson14 \
        --not libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 qt6-qpa-plugins
    check_contents "$deb" /usr/bin/followme-server /usr/bin/followme-admin \
        /usr/lib/systemd/system/followme-server.service /usr/share/doc/$SERVER_PACKAGE/copyright \
        --not /usr/bin/followme '/usr/share/(applications|metainfo|icons)/.*' \
        "/usr/share/doc/$CLIENT_PACKAGE/.*"

    install_alone "$SERVER_PACKAGE" "$deb"
    if [ -e /usr/bin/followme ]; then
        fail "/usr/bin/followme came with $SERVER_PACKAGE"
    fi
    for file in /usr/bin/followme-server /usr/bin/followme-admin; do
        [ -x "$file" ] || fail "$file was not installed"
        # Not even indirectly: the server machine has no GUI libraries to offer.
        if ldd "$file" | grep -E "libQt6(Gui|Widgets|Charts|Svg)\.so"; then
            fail "$file links a GUI library"
        fi
    done
    [ -f /usr/share/doc/$SERVER_PACKAGE/copyright ] \
        || fail "/usr/share/doc/$SERVER_PACKAGE/copyright was not installed"
    local unit
    unit="$(dpkg -L "$SERVER_PACKAGE" | grep '/systemd/system/followme-server.service$')" \
        || fail "the systemd unit was not installed"
    echo "unit: $unit"
    # Installed, not enabled: no wants link.
    if compgen -G "/etc/systemd/system/*.wants/followme-server.service" >/dev/null; then
        fail "the package enabled followme-server.service"
    fi

    step "Running the installed server and admin tool"
    # The installed server starts (Qt's SQLite driver comes from a dependency) and listens.
    (cd "$WORK" && exec /usr/bin/followme-server --db "$WORK/server.sqlite" \
        --listen 127.0.0.1:0 >"$WORK/server.log" 2>&1) &
    local server_pid=$! listening
    listening="$(followme_wait_for_server "$WORK/server.log" "$server_pid")" || true
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    [ -n "$listening" ] || fail "the installed server did not start: $(cat "$WORK/server.log")"
    echo "followme-server: $listening"
    local help_output
    help_output="$(cd "$WORK" && /usr/bin/followme-admin --help)" \
        || fail "/usr/bin/followme-admin --help failed"
    grep -q "^Usage: " <<<"$help_output" || fail "followme-admin --help prints no usage"
    echo "followme-admin --help: $(head -n1 <<<"$help_output")"

    remove_and_check "$SERVER_PACKAGE" "$deb"
}

step "Tools and build dependencies"
followme_install_packages "${CHECK_TOOLS[@]}"
followme_build
# The build directory really is the build asked for (CMake drops the -D options when it resets a
# cache, e.g. for another compiler).
wanted_client="FOLLOWME_BUILD_CLIENT=${FOLLOWME_BUILD_CLIENT:-ON}"
grep -qx "${wanted_client/=/:BOOL=}" "$FOLLOWME_BUILD_DIR/CMakeCache.txt" \
    || fail "$FOLLOWME_BUILD_DIR is not configured with $wanted_client"

step "Building the packages with CPack"
rm -f "$FOLLOWME_BUILD_DIR"/followme*.deb
cpack -G DEB --config "$FOLLOWME_BUILD_DIR/CPackConfig.cmake" -B "$FOLLOWME_BUILD_DIR"
declare -A DEBS
for package in "${PACKAGES[@]}"; do
    debs=("$FOLLOWME_BUILD_DIR/${package}"_*.deb)
    if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
        fail "expected one ${package}_*.deb in $FOLLOWME_BUILD_DIR"
    fi
    DEBS[$package]="${debs[0]}"
    echo "${debs[0]}: version $(dpkg-deb -f "${debs[0]}" Version)"
done
# Nothing else: another package (followme-Unspecified, say) holds files outside the components.
mapfile -t made < <(cd "$FOLLOWME_BUILD_DIR" && ls followme*.deb)
[ ${#made[@]} -eq ${#PACKAGES[@]} ] || fail "CPack made ${made[*]}, expected ${PACKAGES[*]}"

WORK="$(mktemp -d)"
INSTALLED_HERE=()
# On failure too: no temporary files, and no package left installed by this check.
cleanup() {
    rm -rf "$WORK"
    for package in "${INSTALLED_HERE[@]}"; do
        if followme_is_installed "$package"; then
            echo "package-check: removing $package again" >&2
            "${SUDO[@]}" apt-get remove -y -qq "$package" >/dev/null || true
        fi
    done
}
trap cleanup EXIT

# Each package alone: one installed before would hide what the other lacks.
for package in "$CLIENT_PACKAGE" "$SERVER_PACKAGE"; do
    if followme_is_installed "$package"; then
        echo "note: $package was installed before; removing it, so each package is checked alone"
        "${SUDO[@]}" apt-get remove -y -q "$package"
    fi
done

# A home of its own, so neither the user's settings nor a display get in the way.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
mkdir -p "$HOME"

summary=""
if [ -n "${DEBS[$CLIENT_PACKAGE]:-}" ]; then
    check_client "${DEBS[$CLIENT_PACKAGE]}"
    summary="$(basename "${DEBS[$CLIENT_PACKAGE]}"): --version and --export-timeline ran,"
    summary+=" desktop entry and metainfo valid; "
fi
check_server "${DEBS[$SERVER_PACKAGE]}"
summary+="$(basename "${DEBS[$SERVER_PACKAGE]}"): the server listened, followme-admin --help ran"

trap - ERR
echo
echo "PASS: package check (each installed alone, Depends checked, removed cleanly; $summary)"
