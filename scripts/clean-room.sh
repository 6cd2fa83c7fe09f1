#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command in a fresh, minimal Debian 12 root, so that nothing installed by hand on this
# machine can hide a missing install step: the root holds apt and nothing else, and every package
# the command needs must be installed by the project's own scripts.
#
#   scripts/clean-room.sh [COMMAND [ARGUMENT...]]    (default: scripts/ci-steps.sh desktop)
#
# The root is built on the spot with mmdebstrap (--variant=apt, from the apt sources and archive
# settings this machine is configured with) and thrown away afterwards. The working tree is copied
# to /src inside it (tracked and untracked files, without what .gitignore ignores: build trees
# stay out, uncommitted changes go in), and COMMAND runs there as root, with no display and a
# clean environment (FOLLOWME_* variables are passed through). What it built that is worth keeping
# (the .deb packages, the CTest logs, the page's screenshots) is copied to $FOLLOWME_CLEAN_ROOM_OUT (default:
# build-clean-room/) before the root goes, on failure too. The files in $FOLLOWME_CLEAN_ROOM_IN, if
# set, are copied to /in inside the root (packages to install, for example).
#
# Needs root (mmdebstrap's root mode mounts /proc, /sys and /dev for the command); uses sudo
# otherwise. Installs mmdebstrap when missing. Exits with the command's exit code.
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
SOURCE_ROOT="$(cd "$(dirname "$SELF")/.." && pwd)"
SUITE=bookworm

# ---- Inside mmdebstrap's customize hook: $1 is the new root, seen from this machine -------------
if [ "${1:-}" = --hook ]; then
    root="$2"
    out="$FOLLOWME_CLEAN_ROOM_OUT"
    mkdir -p "$root/src"
    if git -C "$SOURCE_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        # Files deleted in the working tree but still in the index are left out.
        (cd "$SOURCE_ROOT" && git ls-files -z --cached --others --exclude-standard \
            | xargs -0 -r sh -c 'for f; do if [ -e "$f" ] || [ -L "$f" ]; then printf "%s\0" "$f"; fi; done' sh \
            | tar --null -T - -cf -) | tar -C "$root/src" -xf -
    else
        echo "clean room: $SOURCE_ROOT is no git checkout: copying all of it but build trees" >&2
        tar -C "$SOURCE_ROOT" --exclude='./build' --exclude='./build-*' --exclude='./.git' \
            -cf - . | tar -C "$root/src" -xf -
    fi
    if [ -n "${FOLLOWME_CLEAN_ROOM_IN:-}" ]; then
        mkdir -p "$root/in"
        cp -r "$FOLLOWME_CLEAN_ROOM_IN"/. "$root/in/"
    fi
    # Every installed Debian has an /etc/hosts that names the loopback address (the installer, a
    # cloud image or a container runtime writes it; no package does), and mmdebstrap's root has
    # none: without it "localhost" can't be looked up (Selenium and chromedriver look it up).
    if ! grep -qs '^127\.0\.0\.1[[:space:]].*\blocalhost\b' "$root/etc/hosts"; then
        printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >>"$root/etc/hosts"
    fi
    echo "clean room: $(du -sh "$root/src" | cut -f1) of sources in /src; running: $FOLLOWME_CLEAN_ROOM_COMMAND"

    environment=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive)
    while IFS='=' read -r name value; do
        case "$name" in FOLLOWME_CLEAN_ROOM_*) continue ;; esac
        environment+=("$name=$value")
    done < <(env | grep '^FOLLOWME_' || true)

    status=0
    # The command line was quoted with printf %q outside; bash -c undoes that quoting.
    chroot "$root" /usr/bin/env -i "${environment[@]}" \
        /bin/bash -c "cd /src && $FOLLOWME_CLEAN_ROOM_COMMAND" || status=$?

    # Keep what is worth keeping, whatever the outcome.
    mkdir -p "$out"
    # (Only what the command built: build trees, not a package that came with the sources.)
    for deb in "$root"/src/build*/*.deb; do
        [ -f "$deb" ] && cp "$deb" "$out/"
    done
    for log in "$root"/src/build*/Testing/Temporary/LastTest*.log; do
        [ -f "$log" ] || continue
        tree="$(basename "$(dirname "$(dirname "$(dirname "$log")")")")"
        cp "$log" "$out/$tree-$(basename "$log")"
    done
    # The page's screenshots from the matrix test, to be looked at.
    for shots in "$root"/src/build*/page-screenshots; do
        [ -d "$shots" ] || continue
        cp -r "$shots" "$out/$(basename "$(dirname "$shots")")-page-screenshots"
    done
    echo "$status" >"$out/status"
    exit 0 # the status travels in the file: mmdebstrap must still take the root down cleanly
fi

# ---- On this machine --------------------------------------------------------------------------
SUDO=()
[ "$(id -u)" -ne 0 ] && SUDO=(sudo)

# (The keyring verifies Debian's archive where the machine is not Debian.)
if ! command -v mmdebstrap >/dev/null || [ ! -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
    echo "Installing mmdebstrap"
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
        mmdebstrap debian-archive-keyring
fi

if [ $# -eq 0 ]; then
    set -- ./scripts/ci-steps.sh desktop
fi
command_line="$(printf '%q ' "$@")"

out="${FOLLOWME_CLEAN_ROOM_OUT:-$SOURCE_ROOT/build-clean-room}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -f "$out/status"

# The archives this machine uses, and how it reaches them (proxies, validity checks): the apt
# sources as mirrors, the Acquire settings as apt options. Without any, mmdebstrap's default.
# (Only on a Debian $SUITE machine: elsewhere, an Ubuntu CI runner say, its sources are not
# Debian's, and mmdebstrap's default, deb.debian.org, is used.)
mirrors=()
apt_options=()
if [ "$(. /etc/os-release && echo "${ID:-}:${VERSION_CODENAME:-}")" = "debian:$SUITE" ]; then
    for sources in /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        /etc/apt/sources.list.d/*.sources; do
        [ -f "$sources" ] && grep -q '^[^#]' "$sources" && mirrors+=("$sources")
    done
    for conf in /etc/apt/apt.conf /etc/apt/apt.conf.d/*; do
        [ -f "$conf" ] && grep -q '^[[:space:]]*Acquire' "$conf" && apt_options+=(--aptopt="$conf")
    done
fi

echo "clean room: a fresh Debian $SUITE root (mmdebstrap --variant=apt${mirrors:+, sources: ${mirrors[*]}})"
started=$SECONDS
passed=()
mapfile -t passed < <(env | grep '^FOLLOWME_' | grep -v '^FOLLOWME_CLEAN_ROOM_' || true)
if [ -n "${FOLLOWME_CLEAN_ROOM_IN:-}" ]; then
    passed+=(FOLLOWME_CLEAN_ROOM_IN="$(cd "$FOLLOWME_CLEAN_ROOM_IN" && pwd)")
fi
"${SUDO[@]}" env "${passed[@]}" FOLLOWME_CLEAN_ROOM_OUT="$out" \
    FOLLOWME_CLEAN_ROOM_COMMAND="$command_line" \
    mmdebstrap --variant=apt --quiet "${apt_options[@]}" \
    --customize-hook="\"$SELF\" --hook \"\$1\"" \
    "$SUITE" /dev/null "${mirrors[@]}"

if [ ! -f "$out/status" ]; then
    echo "clean room: the command did not run (see mmdebstrap's messages above)" >&2
    exit 1
fi
status="$(cat "$out/status")"
echo "clean room: '$command_line' exited with $status after $((SECONDS - started)) s; kept in $out: $(ls "$out" | tr '\n' ' ')"
exit "$status"
