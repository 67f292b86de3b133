/**
 * The built-in rule pack, bundled as YAML text; the panel compiles it with the team's packs and
 * overrides (the engine never runs in the helpdesk page).
 */
import type { PackFile } from '../engine';

const sources = import.meta.glob<string>('../../rules/en-default/**/*.yaml', { query: '?raw', import: 'default', eager: true });

export function builtInPackFiles(): PackFile[] {
  return Object.entries(sources)
    .map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
