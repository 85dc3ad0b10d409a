import { describe, expect, it } from 'vitest';
import { BatchOutbox, type RecordedBatch } from '../../src/use-cases/batch-outbox.js';
import { matchEventInputs } from '../../src/use-cases/match-events.js';

/** An outbox over an in-memory store whose steps are written down, in order. */
function arrange() {
  const steps: string[] = [];
  const stored: RecordedBatch[] = [];
  const outbox = new BatchOutbox<RecordedBatch>(
    {
      record: async (record) => {
        steps.push(`record:${record.events.length}`);
        stored.push(record);
      },
      recorded: async () => [...stored],
      forgetAll: async () => {
        steps.push('forget');
        stored.length = 0;
      },
    },
    { resend: async (events) => void steps.push(`resend:${events.length}`), save: async (record) => void steps.push(`save-recorded:${record.events.length}`) },
  );
  const batch = (fail?: 'send') => ({
    send: async () => {
      steps.push('send');
      if (fail === 'send') throw new Error('broker down');
    },
    save: async () => void steps.push('save'),
  });
  return { steps, stored, outbox, batch };
}

const events = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i}` }));

describe('BatchOutbox', () => {
  it('records before sending, saves, and forgets the record only once the batch is written', async () => {
    const { steps, outbox, batch } = arrange();
    await outbox.write({ events: events(2) }, batch());
    await outbox.write(undefined, batch());
    expect(steps).toEqual(['record:2', 'send', 'save', 'forget', 'send', 'save']);
  });

  it('keeps the record of a batch whose send failed, and forgets it after the retry', async () => {
    const { steps, stored, outbox, batch } = arrange();
    await expect(outbox.write({ events: events(3) }, batch('send'))).rejects.toThrow('broker down');
    expect(stored).toHaveLength(1);
    await outbox.write(undefined, batch());
    expect(steps).toEqual(['record:3', 'send', 'send', 'save', 'forget']);
    expect(stored).toHaveLength(0);
  });

  it('finishes batches cut short: each record sent again and saved, oldest first, then forgotten', async () => {
    const { steps, outbox, batch } = arrange();
    await expect(outbox.write({ events: events(2) }, batch('send'))).rejects.toThrow();
    await expect(outbox.write({ events: events(1) }, batch('send'))).rejects.toThrow();
    steps.length = 0;
    expect(await outbox.finishCut()).toEqual({ batches: 2, events: 3 });
    expect(steps).toEqual(['resend:2', 'save-recorded:2', 'resend:1', 'save-recorded:1', 'forget']);
    expect(await outbox.finishCut()).toEqual({ batches: 0, events: 0 });
  });
});

describe('matchEventInputs', () => {
  const details = { factors: [], boost: { groups: [], amount: 0 } };

  it('maps deltas to match events keyed by vacancy; a worker without details is left out', () => {
    const inputs = matchEventInputs(
      'v1',
      [
        { kind: 'proposed', workerId: 'w1', score: 0.8, rank: 1 },
        { kind: 'updated', workerId: 'w2', score: 0.7, rank: 2 },
        { kind: 'proposed', workerId: 'gone', score: 0.6, rank: 3 },
        { kind: 'withdrawn', workerId: 'w3', reason: 'rescored' },
      ],
      'scoring-v1.0',
      '2026-11-26T00:00:00.000Z',
      (workerId) => (workerId === 'gone' ? undefined : details),
    );
    expect(inputs.map((input) => [input.type, input.subject, input.data.matchId])).toEqual([
      ['match.proposed', 'v1', 'v1:w1'],
      ['match.updated', 'v1', 'v1:w2'],
      ['match.withdrawn', 'v1', 'v1:w3'],
    ]);
    expect(inputs[0]!.data).toMatchObject({ score: 0.8, rank: 1, scoringVersion: 'scoring-v1.0', ...details });
    expect(inputs[2]!.data).toMatchObject({ workerId: 'w3', reason: 'rescored' });
  });
});
