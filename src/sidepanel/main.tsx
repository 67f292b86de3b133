import { mountPage } from '../ui/mount';

function SidePanel() {
  return (
    <main>
      <h1>Tactful</h1>
      <p data-testid="panel-status" class="muted">
        Panel ready. Open a ticket in a supported helpdesk to get suggestions.
      </p>
    </main>
  );
}

mountPage(<SidePanel />);
