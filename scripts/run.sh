#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds FollowMe and starts the client on a writable copy of the demo data.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
followme_install_deps
followme_build
build_dir="${FOLLOWME_BUILD_DIR:-$root/build}"
# Edits are saved back to this copy; the demo file in resources/ stays as it is.
demo="$build_dir/demo-settings.json"
[ -f "$demo" ] || cp "$root/resources/demo/demo-settings.json" "$demo"
exec "$build_dir/app/followme" --offline "$demo" "$@"
