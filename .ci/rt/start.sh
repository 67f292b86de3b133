#!/usr/bin/env bash
# Starts Request Tracker's own server (Starlet) on 127.0.0.1 as www-data, in the background, and
# waits until the web UI answers. Idempotent: a running server that answers is left alone.
#   bash .ci/rt/start.sh        (after setup.sh; stop with stop.sh)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=.ci/rt/env.sh
source "$here/env.sh"
timeout_s="${RT_START_TIMEOUT:-90}"

# HTTP::Tiny is in Perl's core, so this works on machines without curl.
answers() {
  perl -MHTTP::Tiny -e 'my $r = HTTP::Tiny->new(timeout => 5, max_redirect => 0)->get($ARGV[0]);
                        exit($r->{status} == 200 ? 0 : 1)' "$RT_URL/" 2>/dev/null
}
running() { [[ -s $RT_PIDFILE ]] && kill -0 "$(cat "$RT_PIDFILE")" 2>/dev/null; }

if running && answers; then
  echo "RT already running (pid $(cat "$RT_PIDFILE")) at $RT_URL/"
  exit 0
fi
if ! running; then
  # A master that died can leave workers holding the port: clear what the last start left.
  [[ -s $RT_PIDFILE ]] && bash "$here/stop.sh"
  if ss -Hltn "sport = :$RT_PORT" | grep -q .; then
    echo "port $RT_PORT is taken by another process:" >&2
    ss -Hltnp "sport = :$RT_PORT" >&2
    exit 1
  fi
  mkdir -p "$(dirname "$RT_LOG")" "$(dirname "$RT_PIDFILE")"
  : >"$RT_LOG"
  # setsid (not a group leader here, so it execs) puts the server and its workers in a session
  # and process group of their own (stop.sh ends the group); setpriv execs too, so $! is the
  # server's own pid and the group's id.
  setsid setpriv --reuid=www-data --regid=www-data --init-groups \
    env HOME=/var/lib/request-tracker5 \
    /usr/share/request-tracker5/libexec/rt-server \
      --host 127.0.0.1 --port "$RT_PORT" --webpath "$RT_WEBPATH" --max-workers 3 \
    </dev/null >>"$RT_LOG" 2>&1 &
  echo $! >"$RT_PIDFILE"
  echo "RT starting (pid $!), log $RT_LOG"
fi

started=$SECONDS
until answers; do
  if ! running; then
    echo "RT server exited; last lines of $RT_LOG:" >&2
    tail -n 40 "$RT_LOG" >&2
    exit 1
  fi
  if (( SECONDS - started >= timeout_s )); then
    echo "RT did not answer at $RT_URL/ within $timeout_s s; last lines of $RT_LOG:" >&2
    tail -n 40 "$RT_LOG" >&2
    exit 1
  fi
  sleep 0.5
done
echo "RT answers at $RT_URL/ (waited $((SECONDS - started)) s)"
