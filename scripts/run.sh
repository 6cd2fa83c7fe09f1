#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds FollowMe, starts the reference server with demo data on 127.0.0.1 and the client
# connected to it as the demo user Alice. Quitting the client stops the server.
# Arguments go to the client: `./scripts/run.sh --startup-check` starts it headless and exits 0
# once it shows the server's data (CI's smoke test), or says which part did not come up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"
source "$(dirname "${BASH_SOURCE[0]}")/wait-for-server.sh"
followme_build

demo="$FOLLOWME_BUILD_DIR/demo"
mkdir -p "$demo"
# The demo keeps its data (server database, client cache, settings) under build/demo, away
# from the user's own FollowMe profile.
export XDG_DATA_HOME="$demo/data" XDG_CONFIG_HOME="$demo/config"

"$FOLLOWME_BUILD_DIR/server/followme-server" --demo --db "$demo/server.db" \
    --listen 127.0.0.1:0 --admin-listen 127.0.0.1:0 >"$demo/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT

if ! listening="$(followme_wait_for_server "$demo/server.log" "$server_pid")"; then
    cat "$demo/server.log"
    echo "the server did not start; see $demo/server.log"
    exit 1
fi
port="${listening##*:}"
echo "FollowMe server on ws://127.0.0.1:$port/ (log: $demo/server.log)"
# The administrator's side: the web console, with the demo's public admin token.
console="$(sed -n 's/^admin console on //p' "$demo/server.log" | head -n 1)"
echo "Admin console on $console (log in with the demo admin token: admin-demo-token)"

FOLLOWME_TOKEN=alice-demo-token "$FOLLOWME_BUILD_DIR/app/followme" \
    --server "ws://127.0.0.1:$port/" "$@"
