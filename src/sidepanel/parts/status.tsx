import type { TabStatus } from '../../shared/protocol';
import type { PanelModel } from '../model';

/** What the panel says when there is nothing to assist with yet, and why. */
export function StatusView({ model, status }: { model: PanelModel; status: TabStatus | null }) {
  if (!status) return <p class="muted" data-testid="panel-status">Connecting to this tab…</p>;
  if (status.kind === 'unsupported') {
    if (status.permissionNeeded && status.origin) {
      const origin = status.origin;
      const allow = async () => {
        // Must run in the click handler: Chrome grants host access only on a user gesture.
        const granted = await chrome.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
        if (granted) model.requestAccess(origin);
      };
      return (
        <section data-testid="panel-status" data-state="permission">
          <p>Is this your helpdesk? Tactful needs your permission to read tickets on <strong>{origin}</strong>.</p>
          <button type="button" onClick={allow}>Allow on this site</button>
        </section>
      );
    }
    return (
      <p class="muted" data-testid="panel-status" data-state="unsupported">
        This page is not a helpdesk Tactful knows. Open a ticket in Request Tracker, FreeScout, osTicket, Zendesk,
        Freshdesk, Intercom, Help Scout, Front or Gmail.
      </p>
    );
  }
  if (status.kind === 'no-ticket') {
    return (
      <p class="muted" data-testid="panel-status" data-state="no-ticket">
        {status.selfTest.helpdesk} found. Open a ticket to get suggestions.
      </p>
    );
  }
  return null;
}

/** Self-test: found the conversation? found the editor? Shown when something is missing. */
export function SelfTestView({ status }: { status: TabStatus | null }) {
  if (!status || status.kind === 'unsupported') return null;
  const t = status.selfTest;
  if (t.conversation && t.editor) return null;
  return (
    <section class="selftest" data-testid="selftest" role="status">
      {!t.conversation && <p>Could not read the conversation on this page; the page may have changed. Select the customer's message to analyse it.</p>}
      {t.conversation && !t.editor && <p>No reply editor found: Insert will copy the text for you to paste.</p>}
      {t.problems.length > 0 && (
        <details>
          <summary>Details for your team lead</summary>
          <ul>{t.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
