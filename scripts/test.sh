#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds FollowMe and runs every test, headless.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
followme_install_deps
followme_build
build_dir="${FOLLOWME_BUILD_DIR:-$root/build}"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error --parallel "$(nproc)" "$@"
