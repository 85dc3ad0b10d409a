import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { list } from '@ketnoi/reference-data';
import type { ServiceApp } from '@ketnoi/service-kit';

const here = dirname(fileURLToPath(import.meta.url));
/** The page's files ship as-is beside the compiled code (src/routes/dashboard/static, copied to dist by the build). */
const STATIC = join(here, 'static');
const ECHARTS = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');

const FILES: Record<string, { path: string; type: string }> = {
  '/dashboard': { path: join(STATIC, 'index.html'), type: 'text/html; charset=utf-8' },
  '/dashboard/app.js': { path: join(STATIC, 'app.js'), type: 'text/javascript; charset=utf-8' },
  '/dashboard/style.css': { path: join(STATIC, 'style.css'), type: 'text/css; charset=utf-8' },
  '/dashboard/echarts.min.js': { path: ECHARTS, type: 'text/javascript; charset=utf-8' },
};

/**
 * The managers' dashboard: static files with no data in them (the page
 * fetches the analyst API with the user's bearer token), and ECharts served
 * from node_modules — the machine may have no internet.
 */
export async function dashboardRoutes(app: ServiceApp): Promise<void> {
  // Names of the former districts for the area filter (public reference data, no figures).
  const areaNames = Object.fromEntries(list('former-districts').items.map((d) => [d.code, d.name]));
  app.get('/dashboard/areas.json', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-cache').send(areaNames));
  const cache = new Map<string, Buffer>();
  for (const [url, file] of Object.entries(FILES)) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      let body = cache.get(url);
      if (!body) cache.set(url, (body = await readFile(file.path)));
      return reply.type(file.type).header('cache-control', 'no-cache').send(body);
    });
  }
}
