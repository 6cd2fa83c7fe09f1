#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds FollowMe and runs every test, headless.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"
followme_build
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$FOLLOWME_BUILD_DIR" --output-on-failure --no-tests=error --parallel "$(nproc)" "$@"
