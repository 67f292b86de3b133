#!/usr/bin/env bash
# Stops the RT server that start.sh started, with its workers: start.sh runs it in a session of
# its own, so the pid in the pid file is also the process group of every worker (even of workers
# left behind by a master that died). Idempotent.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=.ci/rt/env.sh
source "$here/env.sh"

if [[ ! -s $RT_PIDFILE ]]; then
  echo "RT is not running (no $RT_PIDFILE)"
  exit 0
fi
group="$(cat "$RT_PIDFILE")"
alive() { kill -0 -- "-$group" 2>/dev/null; }
if alive; then
  kill -TERM -- "-$group" 2>/dev/null || true
  for _ in $(seq 1 40); do
    alive || break
    sleep 0.25
  done
  if alive; then
    echo "RT (process group $group) ignored TERM; killing it"
    kill -KILL -- "-$group" 2>/dev/null || true
  fi
fi
rm -f "$RT_PIDFILE"
echo "RT stopped (process group $group)"
