/**
 * Serves the bundled demo helpdesk on 127.0.0.1 (loopback only). Any path under /demo/ that is not
 * a file serves the single-page app, so /demo/tickets/1042 opens that ticket directly.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const DEMO_DIR = resolve(import.meta.dirname, '../../demo');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface DemoServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startDemoServer(port = 0): Promise<DemoServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === '/' || path === '/demo' || path === '/demo/') {
        res.writeHead(302, { location: '/demo/tickets/1041' }).end();
        return;
      }
      if (!path.startsWith('/demo/')) return void res.writeHead(404).end('Not found');
      const file = normalize(join(DEMO_DIR, path.slice('/demo/'.length)));
      const isAsset = file.startsWith(DEMO_DIR) && extname(file) in TYPES;
      try {
        const body = await readFile(isAsset ? file : join(DEMO_DIR, 'index.html'));
        res.writeHead(200, { 'content-type': TYPES[isAsset ? extname(file) : '.html']!, 'cache-control': 'no-store' }).end(body);
      } catch {
        res.writeHead(404).end('Not found');
      }
    })();
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => ok()));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
