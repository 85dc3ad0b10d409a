import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../../src/ingest-messages.js';

describe('ingestMessages', () => {
  it('gives the same messages for the same seed (the raw limit and the floor send one set), keyed by externalRef, each with its own id', () => {
    const messages = ingestMessages(7, 50);
    expect(messages).toHaveLength(50);
    const events = messages.map((m) => JSON.parse(m.value) as { id: string; type: string; subject: string; time: string });
    expect(new Set(events.map((e) => e.id)).size).toBe(50);
    expect(messages.map((m) => m.key)).toEqual(events.map((e) => e.subject));
    expect(events.every((e) => e.type === 'worker.registered')).toBe(true);
    const again = ingestMessages(7, 50).map((m) => ({ ...m, value: m.value.replace(/"time":"[^"]+"/u, '') }));
    expect(again).toEqual(messages.map((m) => ({ ...m, value: m.value.replace(/"time":"[^"]+"/u, '') })));
  });
});
