import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { ServiceName } from './service-specs.js';

/**
 * A small local page at `http://<host>:<port>/` linking every service's
 * OpenAPI UI, the analytics dashboard, and the AsyncAPI document it serves
 * at `/asyncapi.json` (read from `docs/asyncapi.json` on each request).
 */
export async function startDocsServer({ host, port, asyncApiFile, urls }: { host: string; port: number; asyncApiFile: string; urls: Record<ServiceName, string> }) {
  const links = Object.entries(urls)
    .map(([name, url]) => `<li>${name}: <a href="${url}/docs">${url}/docs</a></li>`)
    .join('');
  const page = `<!doctype html><meta charset="utf-8"><title>KetNoi (local)</title><h1>KetNoi (local)</h1><ul>${links}<li>analytics dashboard: <a href="${urls.analytics}/dashboard">${urls.analytics}/dashboard</a></li><li>events: <a href="/asyncapi.json">AsyncAPI document</a></li></ul>`;
  const server = createServer((request, response) => {
    if (request.url === '/asyncapi.json') {
      readFile(asyncApiFile).then(
        (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
        () => response.writeHead(404).end(),
      );
      return;
    }
    if (request.url === '/' || request.url === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { url: `http://${host}:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
