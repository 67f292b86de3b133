/** Input helpers: whole text or a line stream from a file or standard input ('-'). */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError } from './args';

export const MAX_TEXT_INPUT_BYTES = 16 * 1024 * 1024;

export async function readAllText(source: string): Promise<string> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_TEXT_INPUT_BYTES) throw new UsageError(`standard input is larger than ${MAX_TEXT_INPUT_BYTES / 1024 / 1024} MB; use JSONL for many messages`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  checkFile(source);
  if (statSync(source).size > MAX_TEXT_INPUT_BYTES) throw new UsageError(`${source} is larger than ${MAX_TEXT_INPUT_BYTES / 1024 / 1024} MB; use JSONL for many messages`);
  return readFileSync(source, 'utf8');
}

export function checkFile(path: string): void {
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
  if (!statSync(path).isFile()) throw new UsageError(`not a file: ${path}`);
}

/** Lines of a file or of standard input, streamed (100,000-line files never sit in memory whole). */
export function readLines(source: string): AsyncIterable<string> {
  if (source !== '-') checkFile(source);
  const input = source === '-' ? process.stdin : createReadStream(source, { encoding: 'utf8' });
  return createInterface({ input, crlfDelay: Infinity });
}

/** Write without piling up output in memory when stdout is slow (a pipe to `head`). */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}
