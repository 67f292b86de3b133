#!/usr/bin/env bash
# Stops the RT server that start.sh started (by its pid file). Idempotent.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=.ci/rt/env.sh
source "$here/env.sh"

if [[ ! -s $RT_PIDFILE ]]; then
  echo "RT is not running (no $RT_PIDFILE)"
  exit 0
fi
pid="$(cat "$RT_PIDFILE")"
if kill -TERM "$pid" 2>/dev/null; then
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "RT (pid $pid) ignored TERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$RT_PIDFILE"
echo "RT stopped (pid $pid)"
