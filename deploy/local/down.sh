#!/usr/bin/env bash
# Stops every process up.sh started, by PID. Data stays in deploy/local/.work (delete it for a clean start).
exec "$(dirname "$0")/stack.sh" down
