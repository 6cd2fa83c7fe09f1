#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The steps of CI, by group; .ci/run runs each group in a fresh Debian 12 root of its own
# (scripts/clean-room.sh). docs/ci.md says what each step proves. A group runs on any Debian 12 /
# Ubuntu machine too, but only a fresh root proves that the scripts install everything they use.
#
#   ci-steps.sh desktop    the README's two commands, the package check, the sanitizer build
#   ci-steps.sh server     the server built alone, its tests and its package
#   ci-steps.sh install    the packages in /in installed on a machine with nothing else
# (clean-room.sh keeps the .debs the first two groups build; .ci/run hands them to the third.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/deps.sh
source scripts/wait-for-server.sh

step() {
    local started=$SECONDS
    printf '\n==== ci: %s\n' "$1"
    shift
    "$@"
    printf '==== ci: done in %d s\n' "$((SECONDS - started))"
}

# Each step in a subshell, so that its variables stay its own.
readme_run() { ./scripts/run.sh --startup-check; }
readme_test() { ./scripts/test.sh; }
package_check() { ./scripts/package-check.sh; }
sanitizer_tests() {
    (export FOLLOWME_BUILD_DIR="$PWD/build-asan" FOLLOWME_COMPILER=clang FOLLOWME_BUILD_TYPE=Debug \
        FOLLOWME_SANITIZE=address,undefined
    ./scripts/test.sh)
}
server_tests() {
    (export FOLLOWME_BUILD_DIR="$PWD/build-server" FOLLOWME_BUILD_CLIENT=OFF
    ./scripts/test.sh)
}
server_package_check() {
    (export FOLLOWME_BUILD_DIR="$PWD/build-server" FOLLOWME_BUILD_CLIENT=OFF
    ./scripts/package-check.sh)
}

# Installs a package file with apt (which fetches its dependencies), then says whether any of
# the packages that must stay away came along.
install_alone() {
    local deb="$1"
    shift
    apt-get install -y -q --no-install-recommends "$deb"
    local intruders=()
    for package in "$@"; do
        if followme_is_installed "$package"; then intruders+=("$package"); fi
    done
    if [ ${#intruders[@]} -gt 0 ]; then
        echo "ci: installing $(basename "$deb") also installed: ${intruders[*]}" >&2
        return 1
    fi
}

# Purges a package and what came with it, then checks that none of its files is left.
remove_fully() {
    local files left=()
    mapfile -t files < <(dpkg -L "$1")
    apt-get purge -y -q "$1"
    apt-get autoremove --purge -y -q
    for file in "${files[@]}"; do
        if [ -f "$file" ] || [ -L "$file" ]; then left+=("$file"); fi
    done
    if [ ${#left[@]} -gt 0 ]; then
        echo "ci: purging $1 left: ${left[*]}" >&2
        return 1
    fi
}

# The one package file matching a pattern in /in.
one_package() {
    local debs=()
    mapfile -t debs < <(compgen -G "/in/$1" || true)
    if [ ${#debs[@]} -ne 1 ]; then
        echo "ci: expected one /in/$1, found ${#debs[@]}" >&2
        return 1
    fi
    echo "${debs[0]}"
}

# The server package on a machine that has no Qt at all: it runs with no GUI library present.
install_server() {
    local deb
    deb="$(one_package 'followme-server_*.deb')"
    apt-get update -qq
    install_alone "$deb" libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 followme
    local work
    work="$(mktemp -d)"
    followme-admin --help >/dev/null
    followme-server --db "$work/server.sqlite" --listen 127.0.0.1:0 >"$work/log" 2>&1 &
    local pid=$! listening
    listening="$(followme_wait_for_server "$work/log" "$pid")" || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [ -n "$listening" ] || { cat "$work/log" >&2; echo "ci: the server did not start" >&2; return 1; }
    echo "followme-server: $listening"
    remove_fully followme-server
}

# The client package alone: it exports a timeline with no server or SQLite driver present.
install_client() {
    local deb
    deb="$(one_package 'followme_*.deb')"
    apt-get update -qq
    install_alone "$deb" libqt6sql6 libqt6sql6-sqlite followme-server
    local work
    work="$(mktemp -d)"
    followme --version
    HOME="$work" followme --export-timeline /src/resources/demo/demo-settings.json \
        --kind teams --output "$work/timeline.png"
    [ -s "$work/timeline.png" ] || { echo "ci: the installed client wrote no timeline" >&2; return 1; }
    remove_fully followme
}

case "${1:-}" in
desktop)
    # The run command first, on the fresh root: it alone must install what it needs.
    step "README: ./scripts/run.sh (headless: --startup-check)" readme_run
    step "README: ./scripts/test.sh (gcc, RelWithDebInfo, -Werror)" readme_test
    step "Package check: both .debs built, installed, run and removed" package_check
    step "Sanitizers: clang, Debug, ASan + UBSan + LSan, Qt asserts, -Werror" sanitizer_tests
    ;;
server)
    step "The server alone (FOLLOWME_BUILD_CLIENT=OFF): build and tests" server_tests
    step "The server alone: its package" server_package_check
    ;;
install)
    step "followme-server .deb on a machine with nothing else" install_server
    step "followme .deb on a machine with nothing else" install_client
    ;;
*)
    echo "usage: $0 desktop|server|install" >&2
    exit 1
    ;;
esac
