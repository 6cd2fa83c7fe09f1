#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds FollowMe and starts the client on a writable copy of the demo data.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"
followme_build
# Edits are saved back to this copy; the demo file in resources/ stays as it is.
demo="$FOLLOWME_BUILD_DIR/demo-settings.json"
[ -f "$demo" ] || cp "$FOLLOWME_ROOT/resources/demo/demo-settings.json" "$demo"
exec "$FOLLOWME_BUILD_DIR/app/followme" --offline "$demo" "$@"
