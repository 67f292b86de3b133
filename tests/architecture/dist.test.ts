// Checks on the built extension (dist/). `npm test` builds before running tests.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_MATCHES } from '../../src/adapters/registry';
import { findDynamicCode } from './dynamic-code';
import { listFiles, readRepoFile, repoRoot } from './source-files';

const built = existsSync(path.join(repoRoot, 'dist/manifest.json'));
const requireBuild = () => {
  if (!built) throw new Error('dist/manifest.json not found: run `npm run build` first (`npm test` builds before testing).');
};

/** Permissions are added deliberately: extend this list in the same change that needs one. */
// scripting: start the content script on helpdesk origins the agent grants later; activeTab: read
// the URL of the tab the agent opened the panel on (to offer that permission); alarms: delete log
// events past their retention once a day, since the service worker sleeps and keeps no timers.
const ALLOWED_PERMISSIONS = ['sidePanel', 'storage', 'scripting', 'activeTab', 'alarms'];
/** The content script runs in every helpdesk page: it must stay small. */
const CONTENT_SCRIPT_GZIP_LIMIT = 12 * 1024;
const ALL_HOSTS = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', '*://*', 'http*://*/*'];

/**
 * Built files allowed to contain dynamic code, with the reason. Keep it empty unless a dependency
 * really needs it (the store rejects extensions that evaluate strings; CSP would block it anyway).
 */
const DYNAMIC_CODE_ALLOWED: { file: RegExp; reason: string }[] = [];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  background?: { service_worker?: string };
  side_panel?: { default_path?: string };
  options_page?: string;
  options_ui?: { page?: string };
  icons?: Record<string, string>;
  content_scripts?: Array<{ js?: string[]; matches?: string[]; all_frames?: boolean }>;
  optional_host_permissions?: string[];
}

describe('built manifest (dist/manifest.json)', () => {
  const manifest = (): Manifest => {
    requireBuild();
    return JSON.parse(readRepoFile('dist/manifest.json')) as Manifest;
  };

  it('is Manifest V3', () => {
    expect(manifest().manifest_version).toBe(3);
  });

  it('asks for no access to all sites and only the allowed permissions', () => {
    const m = manifest();
    expect((m.host_permissions ?? []).filter((host) => ALL_HOSTS.includes(host))).toEqual([]);
    expect((m.permissions ?? []).filter((p) => !ALLOWED_PERMISSIONS.includes(p))).toEqual([]);
  });

  it('runs one small content script, only on the helpdesks it knows, in the top frame', () => {
    const m = manifest();
    expect(m.content_scripts).toHaveLength(1);
    const script = m.content_scripts![0]!;
    expect(script.matches).toEqual(m.host_permissions);
    expect(script.all_frames ?? false).toBe(false);
    expect(script.js).toHaveLength(1);
    const code = readFileSync(path.join(repoRoot, 'dist', script.js![0]!));
    const gzipped = gzipSync(code).length;
    expect(gzipped, `content script is ${gzipped} bytes gzipped`).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_LIMIT);
    // Self-contained (no ES module loader) so it can be registered on custom origins too.
    expect(code.toString()).not.toMatch(/^\s*import\b|\bimport\(/m);
  });

  it('starts the service worker without the NLP engine (it restarts whenever it wakes)', () => {
    const entry = manifest().background!.service_worker!;
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(path.join(repoRoot, 'dist', file), 'utf8');
      // Static imports only: the worker cannot import() lazily, so whatever it loads, it loads on every start.
      for (const [, spec] of code.matchAll(/\bimport\s*(?:[^'"()]*?\bfrom\s*)?["']([^"']+)["']/g)) visit(path.posix.join(path.posix.dirname(file), spec!));
    };
    visit(entry);
    const code = [...seen].map((f) => readFileSync(path.join(repoRoot, 'dist', f), 'utf8')).join('\n');
    // A message only compromise's own code carries: it is there if the engine is.
    expect(code).not.toContain('compromise: Invalid tag');
    expect(code.length, `service worker loads ${code.length} bytes`).toBeLessThan(250_000);
  });

  it('has host access exactly where the built-in adapters run', () => {
    expect([...(manifest().host_permissions ?? [])].sort()).toEqual([...BUILT_IN_MATCHES].sort());
  });

  it('asks for any other site only as an optional permission', () => {
    const m = manifest();
    expect(m.optional_host_permissions ?? []).toEqual(['https://*/*', 'http://*/*']);
  });

  it('has a strict CSP for extension pages', () => {
    const csp = manifest().content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
  });

  it('points at files that exist', () => {
    const m = manifest();
    const referenced = [
      m.background?.service_worker,
      m.side_panel?.default_path,
      m.options_page ?? m.options_ui?.page,
      ...Object.values(m.icons ?? {}),
    ];
    for (const file of referenced) {
      expect(file, 'manifest entry missing').toBeTruthy();
      expect(existsSync(path.join(repoRoot, 'dist', file!)), `dist/${file} missing`).toBe(true);
    }
  });
});

describe('built JavaScript (dist/**/*.js)', () => {
  it('never evaluates strings as code', () => {
    requireBuild();
    const jsFiles = listFiles('dist', /\.m?js$/);
    expect(jsFiles.length).toBeGreaterThan(0);
    const findings = jsFiles
      .filter((file) => !DYNAMIC_CODE_ALLOWED.some((allowed) => allowed.file.test(file)))
      .flatMap((file) => findDynamicCode(file, readRepoFile(file)).map((use) => `${file}:${use.line}: ${use.snippet}`));
    expect(findings).toEqual([]);
  }, 120_000); // parses every built file (about 3 MB) with TypeScript: slow on a busy machine, not a speed check

  it('the scanner finds eval and Function but not methods or strings named eval', () => {
    const uses = (code: string) => findDynamicCode('x.js', code).length;
    expect(uses('eval("1+1")')).toBe(1);
    expect(uses('(0, eval)("1")')).toBe(1);
    expect(uses('const f = new Function("a", "return a")')).toBe(1);
    expect(uses('Function("return this")()')).toBe(1);
    expect(uses('globalThis.eval("x")')).toBe(1);
    expect(uses('class P { eval(i, p) { return this.subs[0].eval(i, p); } }')).toBe(0);
    expect(uses('const s = "eval(x) and new Function(y)"; // eval(z)')).toBe(0);
    expect(uses('const o = { eval: 1 }; x instanceof Function')).toBe(0);
  });
});
