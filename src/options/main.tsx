import { compilePack } from '../engine';
import type { PackFile } from '../shared/packs';
import { chromeStore } from '../shared/packs-store';
import { mountPage } from '../ui/mount';
import { App } from './app';
import { createOptionsModel } from './model';
import './options.css';

// The bundled pack and sample tickets, as text (packs are data: nothing here is evaluated).
const packSources = import.meta.glob<string>('../../rules/en-default/**/*.yaml', { query: '?raw', import: 'default', eager: true });
const sampleSources = import.meta.glob<string>('../../rules/samples/*.txt', { query: '?raw', import: 'default', eager: true });

const builtIn: PackFile[] = Object.entries(packSources)
  .map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+rules\/en-default\//, ''), text }))
  .sort((a, b) => a.path.localeCompare(b.path));
const samples = Object.entries(sampleSources).map(([path, text]) => ({ name: path.split('/').pop()!.replace(/\.txt$/, ''), text }));

createOptionsModel({ store: chromeStore(chrome.storage.local), builtIn, compile: compilePack }).then(
  (model) => mountPage(<App model={model} samples={samples} />),
  (error: unknown) => mountPage(<main><h1>Tactful rule packs</h1><p role="alert">The rule packs could not be loaded: {String(error)}</p></main>),
);
