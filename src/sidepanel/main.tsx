import { mountPage } from '../ui/mount';
import { createPanelModel, type PanelModel } from './model';
import { compileBuiltInPack } from './pack';
import { CoachView } from './parts/coach';
import { CueView } from './parts/cues';
import { ComposeView, PlaybookView } from './parts/playbook';
import { CustomerState } from './parts/state';
import { SelfTestView, StatusView } from './parts/status';
import { chromeTransport } from './transport';
import './panel.css';

function SidePanel({ model }: { model: PanelModel }) {
  const status = model.status.value;
  const conversation = model.conversation.value;
  return (
    <main data-ticket={conversation?.ticketKey} data-messages={conversation?.messages.length} data-latency-ms={model.latency.value ?? undefined} data-max-read-ms={model.maxReadMs.value}>
      <header class="panel-head">
        <h1>Tactful</h1>
        {conversation?.subject && <p class="subject" data-testid="subject">{conversation.subject}</p>}
      </header>
      <SelfTestView status={status} />
      {status?.kind === 'conversation' && conversation ? (
        <>
          <CustomerState model={model} />
          <PlaybookView model={model} />
          <ComposeView model={model} />
          <CoachView model={model} />
          <CueView model={model} />
        </>
      ) : (
        <StatusView model={model} status={status} />
      )}
      <p class={`notice ${model.notice.value?.kind ?? ''}`} role="status" aria-live="polite" data-testid="notice">
        {model.notice.value?.text ?? ''}
      </p>
    </main>
  );
}

const model = createPanelModel(compileBuiltInPack(), chromeTransport(), (text) => navigator.clipboard.writeText(text));
mountPage(<SidePanel model={model} />);
