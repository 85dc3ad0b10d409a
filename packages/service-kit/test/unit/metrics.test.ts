import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp } from '../helpers.js';

describe('metrics', () => {
  it('counts HTTP requests by route template', async () => {
    const app = await buildTestApp();
    app.get('/workers/:id', { schema: { params: z.object({ id: z.string() }) } }, async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/workers/w-1' });
    await app.inject({ method: 'GET', url: '/workers/w-2' });
    await app.inject({ method: 'GET', url: '/wp-admin/install.php' });

    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /^http_requests_total\{method="GET",route="\/workers\/:id",status_code="200",service="test-service"\} 2$/m,
    );
    expect(response.body).toMatch(/^http_request_duration_seconds_count\{.*route="\/workers\/:id".*\} 2$/m);
    expect(response.body).toMatch(/^http_requests_total\{method="GET",route="unmatched",status_code="404".*\} 1$/m);
    expect(response.body).not.toContain('w-1');
    expect(response.body).not.toContain('wp-admin');
  });

  it('records event handling, publishing and lag', async () => {
    const app = await buildTestApp();
    const events = app.metrics.events;
    events.handled({ topic: 'workers.v1', type: 'worker.registered', outcome: 'ok', seconds: 0.02 });
    events.handled({ topic: 'workers.v1', type: 'worker.registered', outcome: 'duplicate', seconds: 0.001 });
    events.published({ topic: 'matches.v1', type: 'match.proposed', count: 3 });
    events.lag({ topic: 'workers.v1', partition: 2, group: 'matching', lag: 17 });

    const text = await app.metrics.registry.metrics();
    expect(text).toMatch(/^ketnoi_events_handled_total\{topic="workers.v1",type="worker.registered",outcome="duplicate".*\} 1$/m);
    expect(text).toMatch(/^ketnoi_event_handling_seconds_count\{.*topic="workers.v1",type="worker.registered".*\} 2$/m);
    expect(text).toMatch(/^ketnoi_events_published_total\{topic="matches.v1",type="match.proposed".*\} 3$/m);
    expect(text).toMatch(/^ketnoi_consumer_lag\{topic="workers.v1",partition="2",group="matching".*\} 17$/m);
  });

  it('keeps one registry per app', async () => {
    const first = await buildTestApp();
    const second = await buildTestApp({ defaultMetrics: true });
    first.metrics.events.published({ topic: 't', type: 'x', count: 1 });
    expect(await second.metrics.registry.metrics()).not.toMatch(/^ketnoi_events_published_total\{/m);
    expect(await second.metrics.registry.metrics()).toContain('process_cpu_seconds_total');
  });
});
