#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb round trip, as a user gets it: builds the package with CPack, installs it with
# `apt-get install ./followme_*.deb`, runs the INSTALLED program (--version, --export-timeline on
# the demo data), validates the installed desktop entry and AppStream metainfo, then removes the
# package and checks that its files are gone. Prints one PASS or FAIL line at the end; exits
# non-zero on failure.
#
# Installs what it needs (build dependencies, desktop-file-utils, appstream, dpkg-dev, file) with
# apt-get when missing, using sudo unless run as root. The build directory is $FOLLOWME_BUILD_DIR
# (default: build/). Debian/Ubuntu only.
set -Eeuo pipefail
# shellcheck source=scripts/deps.sh
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

PACKAGE=followme
APP_ID=org.followme.FollowMe
CHECK_TOOLS=(desktop-file-utils appstream dpkg-dev file)

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

install_check_tools() {
    local missing=()
    for package in "${CHECK_TOOLS[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# apt-get install, updating the package lists once if a dependency can't be found.
apt_install() {
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$@" && return 0
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$@"
}

is_installed() {
    dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q "install ok installed"
}

step "Tools and build dependencies"
install_check_tools
followme_build

step "Building the .deb with CPack"
rm -f "$FOLLOWME_BUILD_DIR/${PACKAGE}"_*.deb
cpack -G DEB --config "$FOLLOWME_BUILD_DIR/CPackConfig.cmake" -B "$FOLLOWME_BUILD_DIR"
debs=("$FOLLOWME_BUILD_DIR/${PACKAGE}"_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "expected one ${PACKAGE}_*.deb in $FOLLOWME_BUILD_DIR"
fi
DEB="${debs[0]}"
VERSION="$(dpkg-deb -f "$DEB" Version)"
echo "$DEB: version $VERSION"
echo "Depends: $(dpkg-deb -f "$DEB" Depends)"
for dependency in libqt6widgets6 libqt6svg6 qt6-qpa-plugins libqt6sql6-sqlite; do
    grep -q "\b$dependency\b" <<<"$(dpkg-deb -f "$DEB" Depends)" \
        || fail "the package does not depend on $dependency"
done
# The package's contents (listed once: grep -q on a pipe from dpkg-deb would break the pipe),
# and the regular files among them with their installed paths.
CONTENTS="$(dpkg-deb -c "$DEB")"
mapfile -t PACKAGE_FILES < <(awk '$1 ~ /^-/ { sub(/^\./, "", $6); print $6 }' <<<"$CONTENTS")
[ ${#PACKAGE_FILES[@]} -gt 0 ] || fail "the package holds no files"

WORK="$(mktemp -d)"
INSTALLED_HERE=0
# On failure too: no temporary files, and no package left installed by this check.
cleanup() {
    rm -rf "$WORK"
    if [ "$INSTALLED_HERE" = 1 ] && is_installed; then
        echo "package-check: removing $PACKAGE again" >&2
        "${SUDO[@]}" apt-get remove -y -qq "$PACKAGE" >/dev/null || true
    fi
}
trap cleanup EXIT

step "Installing it: apt-get install ./$(basename "$DEB")"
is_installed && echo "note: $PACKAGE was installed before; it is replaced and removed at the end"
INSTALLED_HERE=1
apt_install "$DEB"
is_installed || fail "$PACKAGE is not installed after apt-get install"
for file in /usr/bin/followme \
    /usr/share/applications/$APP_ID.desktop \
    /usr/share/metainfo/$APP_ID.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$APP_ID.svg \
    /usr/share/icons/hicolor/48x48/apps/$APP_ID.png \
    /usr/share/icons/hicolor/256x256/apps/$APP_ID.png; do
    [ -f "$file" ] || fail "$file was not installed"
done

step "Running the installed program"
# A home of its own, so neither the user's settings nor a display get in the way.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
mkdir -p "$HOME"
version_output="$(cd "$WORK" && /usr/bin/followme --version)" \
    || fail "/usr/bin/followme --version failed"
echo "$version_output"
grep -q "$VERSION" <<<"$version_output" || fail "--version does not print $VERSION"

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
mkdir -p "$WORK/tree"
dpkg-deb -x "$DEB" "$WORK/tree"
appstreamcli validate-tree --no-net "$WORK/tree" || fail "appstreamcli validate-tree fails"

if grep -q "/followme-server.service$" <<<"$CONTENTS"; then
    step "The server and its systemd unit"
    [ -x /usr/bin/followme-server ] || fail "/usr/bin/followme-server was not installed"
    unit="$(dpkg -L "$PACKAGE" | grep '/systemd/system/followme-server.service$')" \
        || fail "the systemd unit was not installed"
    echo "unit: $unit"
    # Installed, not enabled: no wants link.
    if compgen -G "/etc/systemd/system/*.wants/followme-server.service" >/dev/null; then
        fail "the package enabled followme-server.service"
    fi
    if grep -q "/usr/bin/followme-admin$" <<<"$CONTENTS"; then
        [ -x /usr/bin/followme-admin ] || fail "/usr/bin/followme-admin was not installed"
    fi
    # The installed server starts (Qt's SQLite driver comes from a dependency) and listens.
    (cd "$WORK" && exec /usr/bin/followme-server --db "$WORK/server.sqlite" \
        --listen 127.0.0.1:0 >"$WORK/server.log" 2>&1) &
    server_pid=$!
    for _ in $(seq 50); do
        grep -q "listening on" "$WORK/server.log" && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.2
    done
    listening="$(grep -m1 "listening on" "$WORK/server.log" || true)"
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    [ -n "$listening" ] || fail "the installed server did not start: $(cat "$WORK/server.log")"
    echo "followme-server: $listening"
fi

step "Removing it: apt-get remove $PACKAGE"
"${SUDO[@]}" apt-get remove -y -q "$PACKAGE"
is_installed && fail "$PACKAGE is still installed"
left=()
for file in "${PACKAGE_FILES[@]}"; do
    [ -e "$file" ] && left+=("$file")
done
[ ${#left[@]} -eq 0 ] || fail "files left behind after removal: ${left[*]}"

trap - ERR
echo
echo "PASS: package check ($(basename "$DEB"): installed, ran --version and --export-timeline," \
    "desktop entry and metainfo valid, removed cleanly)"
