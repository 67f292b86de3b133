#!/usr/bin/env bash
# Puts one realistic ticket into the running CI RT (for a person to look at; the tests make their
# own through tests/e2e/rt-server.ts): an angry customer mail through RT's mail gateway, then the
# agent's reply with the rt command-line client. Prints the ticket id.
#   bash .ci/rt/seed.sh        (after setup.sh and start.sh)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=.ci/rt/env.sh
source "$here/env.sh"
export RTUSER="$RT_AGENT_USER" RTPASSWD="$RT_AGENT_PASSWORD" RTSERVER="$RT_URL"

customer=jordan.miles@example.com
newest() { rt ls -i -o -id "$1" 2>/dev/null | head -n 1 | sed 's|^ticket/||'; }
before="$(newest 'id > 0')"
before="${before:-0}"

mail() {
  cat <<MAIL
From: Jordan Miles <$customer>
To: Support <$RT_CORRESPOND>
Subject: Charged TWICE for my subscription
Date: $(date -R)
Message-ID: <seed-$(date +%s%N)@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

This is the second time I am writing about this. You charged my card twice for
the same month, \$49.00 on the 3rd and again on the 4th.

I want the duplicate charge refunded today, not in "5-7 business days". Nobody
answered my last mail.

On Mon, 30 Nov 2026 09:12:00 +0000, Billing <billing@example.net> wrote:
> Hi Jordan,
>
> Thanks for your payment of \$49.00. Your subscription renews on the 3rd of
> each month.
>
> The Billing Team

-- 
Jordan Miles
Miles Carpentry
MAIL
}

# rt-mailgate exits 0 even when RT answers "not ok"; --debug prints the answer as its last line.
answer="$(mail | rt-mailgate --debug --queue General --action correspond --url "$RT_URL/" 2>&1 | sed "/^$/d" | tail -n 1)"
[[ $answer == ok ]] || { echo "rt-mailgate: RT answered: $answer" >&2; exit 1; }

id="$(newest "id > $before AND Requestor.EmailAddress = '$customer'")"
[[ -n $id ]] || { echo "the mail was accepted but no new ticket from $customer was found" >&2; exit 1; }
rt correspond -m $'Hi Jordan,\n\nI am sorry about the double charge. I am checking it with billing now.\n\nAlex' "$id" >/dev/null
echo "$id"
