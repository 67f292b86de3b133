# Shared settings of the CI Request Tracker (sourced by the scripts beside it and by .ci/run).
# Test-only credentials for a server bound to 127.0.0.1; they protect nothing.
RT_NAME=tactful.test
RT_PORT=8080
RT_WEBPATH=/rt
RT_BASE="http://127.0.0.1:$RT_PORT"
RT_URL="$RT_BASE$RT_WEBPATH"
RT_CORRESPOND="rt@$RT_NAME"
RT_COMMENT="rt-comment@$RT_NAME"
RT_ROOT_PASSWORD=tactful-root
RT_AGENT_USER=agent
RT_AGENT_PASSWORD=tactful-agent
RT_LOG=/var/log/tactful-rt/rt-server.log
RT_PIDFILE=/run/tactful-rt/rt-server.pid
