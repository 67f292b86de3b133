/**
 * `tactful rules pack DIR [-o FILE]`: a pack folder as the one file the options page imports and
 * policy accepts (a YAML stream, or a .zip when FILE ends in .zip). Refuses a pack with errors,
 * so what is shared always compiles.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compilePack, formatPackError } from '../engine';
import { declaredId, toYamlStream, toZip } from '../shared/packs-io';
import { parseArgs, UsageError } from './args';
import { readPackFiles } from './pack-files';

export async function runPack(argv: string[]): Promise<number> {
  const args = parseArgs(argv.map((a) => (a === '-o' ? '--output' : a)), ['output'], []);
  const dir = args.positionals[0];
  if (!dir || args.positionals.length > 1) throw new UsageError('usage: tactful rules pack DIR [-o FILE.yaml|FILE.zip]');
  const root = resolve(dir);
  // Paths inside the pack, not relative to where the command ran: they are what errors show after import.
  const files = readPackFiles(root).map((f) => ({ path: relative(root, resolve(f.path)).split('\\').join('/'), text: f.text }));
  const result = compilePack(files);
  if (!result.ok) {
    for (const e of result.errors) process.stdout.write(`${formatPackError({ ...e, file: `${dir.replace(/\/$/, '')}/${e.file}` })}\n`);
    process.stdout.write(`\n${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; nothing was written.\n`);
    return 1;
  }
  const id = declaredId(files) ?? 'pack';
  const output = args.options.get('output');
  if (typeof output !== 'string') {
    process.stdout.write(toYamlStream(files, id));
    return 0;
  }
  writeFileSync(output, output.toLowerCase().endsWith('.zip') ? toZip(files, id) : toYamlStream(files, id));
  process.stderr.write(`${output}: ${id} ${result.pack.meta.version}, ${files.length} files, ${result.pack.rules.length} rules\n`);
  return 0;
}
