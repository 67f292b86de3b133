import { mountPage } from '../ui/mount';

function Options() {
  return (
    <main>
      <h1>Tactful rule packs</h1>
      <p data-testid="options-status" class="muted">
        The rule-pack editor will appear here.
      </p>
    </main>
  );
}

mountPage(<Options />);
