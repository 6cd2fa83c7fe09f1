#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the scripts that start a followme-server: waits for it to listen.

# followme_wait_for_server LOG PID: prints the server's "listening on HOST:PORT" line once it is in
# LOG. Fails after about 10 s, or as soon as the process PID has ended.
followme_wait_for_server() {
    local log="$1" pid="$2" line
    for _ in $(seq 100); do
        line="$(grep -m1 '^listening on ' "$log" 2>/dev/null || true)"
        if [ -n "$line" ]; then
            echo "$line"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}
