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
set -euo pipefail
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
trap 'echo "FAIL: package check (command failed at line $LINENO: $BASH_COMMAND)"' ERR

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
rm -f "$FOLLOWME_BUILD_DIR"/${PACKAGE}_*.deb
(cd "$FOLLOWME_BUILD_DIR" && cpack -G DEB)
debs=("$FOLLOWME_BUILD_DIR"/${PACKAGE}_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one ${PACKAGE}_*.deb in $FOLLOWME_BUILD_DIR"
DEB="${debs[0]}"
VERSION="$(dpkg-deb -f "$DEB" Version)"
echo "$DEB: version $VERSION"
echo "Depends: $(dpkg-deb -f "$DEB" Depends)"
for dependency in libqt6widgets6 libqt6svg6 qt6-qpa-plugins libqt6sql6-sqlite; do
    dpkg-deb -f "$DEB" Depends | grep -q "\b$dependency\b" \
        || fail "the package does not depend on $dependency"
done
# The regular files the package ships, with their installed paths.
mapfile -t PACKAGE_FILES < <(dpkg-deb -c "$DEB" | awk '$1 ~ /^-/ { sub(/^\./, "", $6); print $6 }')
[ ${#PACKAGE_FILES[@]} -gt 0 ] || fail "the package holds no files"

WORK="$(mktemp -d)"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

step "Installing it: apt-get install ./$(basename "$DEB")"
is_installed && echo "note: $PACKAGE was installed before; it is replaced and removed at the end"
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

if dpkg-deb -c "$DEB" | grep -q "followme-server.service"; then
    step "The server and its systemd unit"
    [ -x /usr/bin/followme-server ] || fail "/usr/bin/followme-server was not installed"
    unit="$(dpkg -L "$PACKAGE" | grep '/systemd/system/followme-server.service$')" \
        || fail "the systemd unit was not installed"
    echo "unit: $unit"
    # Installed, not enabled: no wants link and no running service.
    if compgen -G "/etc/systemd/system/*.wants/followme-server.service" >/dev/null; then
        fail "the package enabled followme-server.service"
    fi
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
