// `npm start -- --headless --screenshot FILE`: the main job, as a user runs it (build skipped:
// `npm test` has just built dist/). It must open the demo with the extension and the panel, and
// write one picture of both.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness';

describe('npm start --headless --screenshot', () => {
  it('opens the demo helpdesk with the panel and writes a screenshot of both', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tactful-start-')), 'shot.png');
    const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'start', '--headless', '--no-build', '--screenshot', file], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Demo helpdesk: http:\/\/127\.0\.0\.1:\d+\/demo\//);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Width from the IHDR chunk: the page (1280) and the panel (420) side by side.
    expect(png.readUInt32BE(16)).toBe(1700);
  }, 120_000);
});
