#!/usr/bin/env bash
# Installs Request Tracker 5 from Debian's packages (SQLite database, standalone server, clients)
# and configures it for the end-to-end tests: loopback only, no mail leaves the machine, an agent
# user in a "Support" group with staff rights on the General queue. Idempotent; run as root.
#   bash .ci/rt/setup.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=.ci/rt/env.sh
source "$here/env.sh"
export DEBIAN_FRONTEND=noninteractive

[[ $(id -u) -eq 0 ]] || { echo "setup.sh must run as root" >&2; exit 1; }

packages=(request-tracker5 rt5-db-sqlite rt5-standalone rt5-clients)

installed() {
  local p
  for p in "${packages[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || return 1
  done
}

preseed() {
  # The root password only matters for a first install; RT stores it in its database.
  # dbconfig-common needs no answers: its defaults install the database, and SQLite is the only
  # rt5-db-* package (preseeding its questions fails after a purge left them without templates).
  debconf-set-selections <<EOF
request-tracker5 request-tracker5/rtname string $RT_NAME
request-tracker5 request-tracker5/organization string $RT_NAME
request-tracker5 request-tracker5/correspondaddress string $RT_CORRESPOND
request-tracker5 request-tracker5/commentaddress string $RT_COMMENT
request-tracker5 request-tracker5/webbaseurl string $RT_BASE
request-tracker5 request-tracker5/webpath string $RT_WEBPATH
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/initial-root-password password $RT_ROOT_PASSWORD
rt5-db-sqlite rt5-db-sqlite/available boolean true
exim4-config exim4/dc_eximconfig_configtype select local delivery only; not on a network
exim4-config exim4/dc_local_interfaces string 127.0.0.1 ; ::1
exim4-config exim4/mailname string $RT_NAME
EOF
}

# No packaged service (exim4 comes along as the default MTA) may start during the install: a
# policy-rc.d that says "forbidden". An existing one (container images ship one) is put back.
policy=/usr/sbin/policy-rc.d
policy_backup=""
restore_policy() {
  if [[ -n $policy_backup ]]; then mv -f "$policy_backup" "$policy"; else rm -f "$policy"; fi
}

install_packages() {
  if [[ -e $policy ]]; then
    policy_backup="$(mktemp /usr/sbin/policy-rc.d.tactful.XXXXXX)"
    cp -p "$policy" "$policy_backup"
  fi
  trap restore_policy EXIT
  printf '#!/bin/sh\n# Temporary, from .ci/rt/setup.sh: no service starts while RT installs.\nexit 101\n' >"$policy"
  chmod 755 "$policy"

  # Fresh machines have no package lists and old lists can name removed files; only runs when
  # something is missing, and costs a few seconds.
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${packages[@]}"

  restore_policy
  trap - EXIT
}

write_site_config() {
  # Read after 50-debconf.pm and 51-dbconfig-common.pm, so these settings win.
  local file=/etc/request-tracker5/RT_SiteConfig.d/90-tactful-ci.pm
  cat >"$file" <<EOF
# Written by .ci/rt/setup.sh for Tactful's end-to-end tests. Loopback only; no mail is sent.
Set(\$rtname, '$RT_NAME');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $RT_PORT);
Set(\$WebPath, '$RT_WEBPATH');
Set(\$WebBaseURL, '$RT_BASE');
Set(\$CanonicalizeRedirectURLs, 0);
Set(\$WebSecureCookies, 0);
Set(\$RTAddressRegexp, '^rt(-comment)?\\@' . quotemeta('$RT_NAME') . '\$');
# Outgoing mail (autoreplies, notifications) is written to an mbox file in \$LogDir, never sent.
Set(\$MailCommand, 'mbox');
# Logs go to the server's stderr (its log file); no syslog on CI machines.
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'warning');
# The ticket history: loaded by AJAX after the page, oldest message first (the adapter's facts).
Set(\$ShowHistory, 'delay');
Set(\$OldestTransactionsFirst, 1);
# Rich-text (CKEditor) reply editor, as agents have it by default.
Set(\$MessageBoxRichText, 1);
# Nothing external: no graph rendering helpers, no gravatar-like lookups.
Set(\$DisableGraphViz, 1);
Set(\$DisableGD, 1);
1;
EOF
  chown root:www-data "$file"
  chmod 640 "$file"
  # The package leaves its (empty) main file readable by root only; RT warns when www-data can't.
  chown root:www-data /etc/request-tracker5/RT_SiteConfig.pm
  chmod 640 /etc/request-tracker5/RT_SiteConfig.pm
}

seed_users() {
  # RT's Perl API, as the user the web server runs as (it owns the SQLite database).
  runuser -u www-data -- env RT_AGENT_USER="$RT_AGENT_USER" RT_AGENT_PASSWORD="$RT_AGENT_PASSWORD" \
    perl -I/usr/share/request-tracker5/lib "$here/users.pl"
}

started=$SECONDS
preseed
if installed; then
  echo "RT packages already installed"
else
  install_packages
fi
write_site_config
# Cached Mason components may predate the configuration.
find /var/cache/request-tracker5/mason_data -type f -delete 2>/dev/null || true
seed_users
echo "RT setup done in $((SECONDS - started)) s"
