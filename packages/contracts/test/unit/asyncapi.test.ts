import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { dlqTopicName, topics } from '../../src/index.js';
import { asyncApiPath, renderAsyncApi } from '../../src/asyncapi/render.js';

describe('AsyncAPI document', () => {
  const rendered = renderAsyncApi();

  it('is a valid AsyncAPI 3 document', { timeout: 30_000 }, async () => {
    const { document, diagnostics } = await new Parser().parse(rendered);
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('lists every topic of the registry and the DLQ twin of each consumed one', () => {
    const doc = JSON.parse(rendered) as { channels: Record<string, { address: string }> };
    const addresses = Object.values(doc.channels).map((c) => c.address);
    for (const topic of topics) {
      expect(addresses).toContain(topic.name);
      if (topic.consumers.length > 0) expect(addresses).toContain(dlqTopicName(topic.name));
    }
  });

  it('is committed as docs/asyncapi.json and up to date (run `pnpm asyncapi`)', () => {
    expect(readFileSync(asyncApiPath, 'utf8')).toBe(rendered);
  });
});
