// The fixture server other browser tests build on: realistic helpdesk paths, extra routes and
// directories, and nothing outside the directories it was given.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';

describe('fixture server', () => {
  let server: FixtureServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tactful-fixtures-'));
    mkdirSync(path.join(dir, 'editors'));
    writeFileSync(path.join(dir, 'editors', 'index.html'), '<h1>editors</h1>');
    writeFileSync(path.join(dir, 'demo.js'), 'window.demo = 1;');
    server = await startFixtureServer({
      routes: [{ path: /^\/demo\/ticket\/\d+$/, file: path.join(dir, 'editors', 'index.html') }],
      staticDirs: [dir, { prefix: '/assets/', dir }],
    });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (pathAndQuery: string) => {
    const response = await fetch(server.url(pathAndQuery));
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('listens on loopback only, on a random port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves helpdesk fixtures under their real paths, whatever the query', async () => {
    const rt = await get('/rt/Ticket/Display.html?id=7');
    expect(rt).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(rt.text).toContain('id="delayed_ticket_history"');
    expect((await get('/conversation/12')).text).toContain('conv-layout-main');
    expect((await get('/conversation/3021/1187')).text).toContain('messageBody');
  });

  it('serves extra routes and directories, with index.html for folders', async () => {
    expect((await get('/demo/ticket/4')).text).toBe('<h1>editors</h1>');
    expect(await get('/demo.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', text: 'window.demo = 1;' });
    expect((await get('/assets/editors/')).text).toBe('<h1>editors</h1>');
  });

  it('answers 404 for unknown paths and for paths that climb out of a directory', async () => {
    expect((await get('/nothing-here')).status).toBe(404);
    expect((await get('/assets/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/hostname')).status).toBe(404);
  });
});
