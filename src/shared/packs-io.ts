/**
 * Sharing packs as one file: a YAML stream (every pack file a document, introduced by a
 * `--- # file: PATH` line, so the stream is still valid YAML and each file keeps its comments)
 * or a .zip of the pack folder. The CLI's `tactful rules pack` writes the same formats.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PackFile } from './packs';

export const STREAM_HEADER = '# Tactful rule pack';
const MARKER = /^--- # file: (.+)$/;
/** Same limits as the compiler, checked before anything is unpacked. */
export const IMPORT_LIMITS = { files: 200, bytes: 4 * 1024 * 1024 };

export interface Imported {
  files: PackFile[];
  /** Why the file could not be read (empty when it could). */
  problems: string[];
}

export function toYamlStream(files: readonly PackFile[], packId = ''): string {
  const sorted = [...files].sort((a, b) => (a.path === 'pack.yaml' ? -1 : b.path === 'pack.yaml' ? 1 : a.path.localeCompare(b.path)));
  const parts = sorted.map((f) => `--- # file: ${f.path}\n${f.text.endsWith('\n') || f.text === '' ? f.text : `${f.text}\n`}`);
  return `${STREAM_HEADER}${packId ? ` ${packId}` : ''}; one document per file.\n${parts.join('')}`;
}

/** A safe relative path inside a pack folder, or null. */
function cleanPath(path: string): string | null {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p === '' || p.startsWith('/') || /^[a-z]:/i.test(p) || p.split('/').some((s) => s === '..' || s === '')) return null;
  return p;
}

export function fromYamlStream(text: string): Imported {
  const files: PackFile[] = [];
  const problems: string[] = [];
  let current: { path: string; lines: string[] } | null = null;
  const flush = () => {
    if (current) files.push({ path: current.path, text: current.lines.join('\n') });
  };
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (m) {
      flush();
      const path = cleanPath(m[1]!.trim());
      if (!path || !/\.ya?ml$/i.test(path)) problems.push(`line ${i + 1}: "${m[1]}" is not a YAML file path inside the pack`);
      else if (files.some((f) => f.path === path) || current?.path === path) problems.push(`line ${i + 1}: ${path} appears twice`);
      current = path && /\.ya?ml$/i.test(path) ? { path, lines: [] } : null;
    } else if (current) current.lines.push(line);
  });
  flush();
  if (files.length === 0) problems.push('no pack files found: a pack export has a `--- # file: pack.yaml` line before each file');
  return { files: files.map((f) => ({ path: f.path, text: f.text.replace(/\n*$/, '\n') })), problems };
}

export function toZip(files: readonly PackFile[], folder: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[`${folder}/${f.path}`] = strToU8(f.text);
  // Fixed time: the same pack gives the same bytes (reproducible exports, clean diffs of zips in git).
  return zipSync(entries, { mtime: new Date('2020-01-01T00:00:00Z') });
}

export function fromZip(bytes: Uint8Array): Imported {
  const problems: string[] = [];
  let total = 0;
  let count = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/') || !/\.ya?ml$/i.test(file.name)) return false;
        total += file.originalSize;
        count++;
        return count <= IMPORT_LIMITS.files && total <= IMPORT_LIMITS.bytes;
      },
    });
  } catch (e) {
    return { files: [], problems: [`the zip file could not be read: ${(e as Error).message}`] };
  }
  if (count > IMPORT_LIMITS.files) problems.push(`a pack may have at most ${IMPORT_LIMITS.files} files`);
  if (total > IMPORT_LIMITS.bytes) problems.push(`the pack is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB`);
  if (problems.length > 0) return { files: [], problems };
  let files: PackFile[] = [];
  for (const [name, data] of Object.entries(raw)) {
    const path = cleanPath(name);
    if (!path) problems.push(`${name}: not a path inside the pack`);
    else files.push({ path, text: strFromU8(data) });
  }
  // A zip of the folder itself: drop the shared top folder so paths are relative to pack.yaml.
  const manifest = files.find((f) => /(^|\/)pack\.ya?ml$/i.test(f.path));
  const root = manifest ? manifest.path.slice(0, manifest.path.lastIndexOf('/') + 1) : '';
  if (root) files = files.filter((f) => f.path.startsWith(root)).map((f) => ({ path: f.path.slice(root.length), text: f.text }));
  if (files.length === 0) problems.push('the zip holds no .yaml files');
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), problems };
}

/** Read an imported file by its content: a zip starts with "PK", anything else is a YAML stream. */
export function importPack(name: string, bytes: Uint8Array): Imported {
  if (bytes.length > IMPORT_LIMITS.bytes * 2) return { files: [], problems: [`${name} is too large for a rule pack`] };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return fromZip(bytes);
  return fromYamlStream(strFromU8(bytes));
}

/** The pack id declared in pack.yaml (for naming an imported pack), read without a full parse. */
export function declaredId(files: readonly PackFile[]): string | null {
  const manifest = files.find((f) => /^pack\.ya?ml$/i.test(f.path));
  const m = manifest && /^id:[ \t]*['"]?([a-z0-9][a-z0-9.-]*)/m.exec(manifest.text);
  return m ? m[1]! : null;
}
