import { isValidSelector } from '../adapters/dom';
import { ADAPTERS } from '../adapters/registry';
import { compilePack } from '../engine';
import type { PackFile } from '../shared/packs';
import { chromeStore } from '../shared/packs-store';
import { mountPage } from '../ui/mount';
import { App } from './app';
import { chromeHelpdeskBrowser } from './helpdesk-browser';
import { createHelpdesksModel } from './helpdesks-model';
import { createOptionsModel, type OptionsModel } from './model';
import './options.css';

// The bundled pack and sample tickets, as text (packs are data: nothing here is evaluated).
const packSources = import.meta.glob<string>('../../rules/en-default/**/*.yaml', { query: '?raw', import: 'default', eager: true });
const sampleSources = import.meta.glob<string>('../../rules/samples/*.txt', { query: '?raw', import: 'default', eager: true });

const builtIn: PackFile[] = Object.entries(packSources)
  .map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+rules\/en-default\//, ''), text }))
  .sort((a, b) => a.path.localeCompare(b.path));
const samples = Object.entries(sampleSources).map(([path, text]) => ({ name: path.split('/').pop()!.replace(/\.txt$/, ''), text }));

/**
 * From the QA review page, "Mark as false positive" opens `?propose=<ruleId>&text=<cue words>`: put
 * the words on the test bench and say how to add the exception, for the pack author to decide.
 */
function proposeException(model: OptionsModel): void {
  const params = new URLSearchParams(location.search);
  const ruleId = params.get('propose');
  const text = params.get('text');
  if (!ruleId || !text) return;
  model.ticket.value = text.slice(0, 2000);
  model.notice.value = {
    kind: 'ok',
    text: `A reviewer marked “${text.slice(0, 200)}” as a false positive of rule ${ruleId}. The test bench shows the rule on those words; to stop it, add them to the rule's exceptions (exceptions: ["${text.slice(0, 200).replace(/"/g, "'")}"]) in the pack that defines ${ruleId}, then save.`,
  };
}

// Every built-in helpdesk but the catch-all generic reader, which has no address of its own.
const builtInHelpdesks = ADAPTERS.map((adapter) => adapter.definition).filter((definition) => definition.matches.length > 0);

async function start() {
  const store = chromeStore(chrome.storage.local);
  const model = await createOptionsModel({ store, builtIn, compile: compilePack });
  const helpdesks = await createHelpdesksModel({
    store, browser: chromeHelpdeskBrowser, builtIn: builtInHelpdesks, policy: model.policy, isValidSelector: (selector) => isValidSelector(document, selector),
  });
  return { model, helpdesks };
}

start().then(
  ({ model, helpdesks }) => {
    proposeException(model);
    mountPage(<App model={model} helpdesks={helpdesks} samples={samples} />);
  },
  (error: unknown) => mountPage(<main><h1>Tactful rule packs</h1><p role="alert">The rule packs could not be loaded: {String(error)}</p></main>),
);
