/**
 * The built-in rule pack, bundled as YAML text and compiled in the panel (the engine never runs in
 * the helpdesk page). Compiling takes a few hundred milliseconds, so it happens once per panel.
 */
import { compilePack, formatPackError, type CompiledPack, type PackFile } from '../engine';

const sources = import.meta.glob<string>('../../rules/en-default/**/*.yaml', { query: '?raw', import: 'default', eager: true });

export function builtInPackFiles(): PackFile[] {
  return Object.entries(sources)
    .map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function compileBuiltInPack(): CompiledPack {
  const result = compilePack(builtInPackFiles());
  if (!result.ok) throw new Error(`The built-in rule pack does not compile:\n${result.errors.map(formatPackError).join('\n')}`);
  return result.pack;
}
