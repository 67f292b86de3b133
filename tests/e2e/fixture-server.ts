// Serves the hand-written helpdesk fixtures on 127.0.0.1 under the paths the real helpdesks use,
// so adapters see realistic URLs (and pushState/pjax stay on the same origin). Reusable: other
// tests pass their own routes and directories (a demo page, editor pages).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const helpdeskFixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/helpdesks');

export interface FixtureRoute {
  /** Tested against the request's pathname (the query is the page's business). */
  path: RegExp;
  /** Absolute, or relative to tests/fixtures/helpdesks. */
  file: string;
}

/** A directory served as is: under `prefix` (default `/`) the files keep their relative paths. */
export type StaticDir = string | { prefix: string; dir: string };

/** The helpdesk pages under the paths each helpdesk really uses (SaaS paths without their hosts). */
export const HELPDESK_ROUTES: FixtureRoute[] = [
  { path: /^\/rt\/Ticket\/Display\.html$/, file: 'rt.html' },
  { path: /^\/rt\/Ticket\/Update\.html$/, file: 'rt-update.html' },
  { path: /^\/conversation\/\d+$/, file: 'freescout.html' },
  { path: /^\/scp\/tickets\.php$/, file: 'osticket.html' },
  { path: /^\/agent\/tickets\/\d+$/, file: 'zendesk.html' },
  { path: /^\/a\/tickets\/\d+$/, file: 'freshdesk.html' },
  { path: /^\/a\/inbox\/[^/]+\/inbox\/.*conversation\/\d+$/, file: 'intercom.html' },
  { path: /^\/conversation\/\d+\/\d+$/, file: 'helpscout.html' },
  { path: /^\/inboxes\/.*\/cnv_[0-9a-z]+$/, file: 'front.html' },
  { path: /^\/mail\/u\/\d+\/$/, file: 'gmail.html' },
  { path: /^\/intranet\/cases\/\d+$/, file: 'generic.html' },
  { path: /^\/_fixture\/kit\.js$/, file: 'kit.js' },
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServerOptions {
  /** Tried before the helpdesk routes. */
  routes?: FixtureRoute[];
  staticDirs?: StaticDir[];
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(pathAndQuery: string): string;
  close(): Promise<void>;
}

/** The file under `dir` for `pathname`, refusing anything that climbs out of it. */
function fileInDir(dir: string, relative: string): string | null {
  const root = path.resolve(dir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const candidate = existsSync(file) && statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
}

function resolveFile(pathname: string, routes: FixtureRoute[], staticDirs: StaticDir[]): string | null {
  const route = routes.find((candidate) => candidate.path.test(pathname));
  if (route) return path.isAbsolute(route.file) ? route.file : path.join(helpdeskFixturesDir, route.file);
  for (const entry of staticDirs) {
    const { prefix, dir } = typeof entry === 'string' ? { prefix: '/', dir: entry } : entry;
    if (!pathname.startsWith(prefix)) continue;
    const file = fileInDir(dir, pathname.slice(prefix.length));
    if (file) return file;
  }
  return null;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const routes = [...(options.routes ?? []), ...HELPDESK_ROUTES];
  const staticDirs = options.staticDirs ?? [];

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    const file = resolveFile(pathname, routes, staticDirs);
    if (!file || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`no fixture for ${pathname}`);
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathAndQuery) => new URL(pathAndQuery, origin).href,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
