import type { ChaosResult } from './harness.js';

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));
const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);

/** The counts of a run as a plain-text table, then the faults, restarts, rebalances and the replay. */
export function formatReport(result: ChaosResult): string {
  const header = ['check', 'accepted', 'effects', 'lost', 'duplicated', 'note'];
  const cells = result.rows.map((r) => [r.check, r.accepted === null ? '—' : String(r.accepted), String(r.effects), String(r.lost), String(r.duplicated), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((text, i) => pad(text, widths[i]!, i > 0 && i < 5)).join(' | ');
  const total = (field: 'lost' | 'duplicated') => result.rows.reduce((n, r) => n + r[field], 0);
  const kinds = new Map<string, number>();
  for (const f of result.faults) {
    const key = f.fault.kind === 'kill-service' ? `kill -9 ${f.fault.service}` : f.fault.kind;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  const out = [
    `chaos run (${result.mode}, seed ${result.seed}) in ${seconds(result.durationMs)}; settled ${seconds(result.settledInMs)} after the faults`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...cells.map(line),
    `TOTAL lost ${total('lost')}, duplicated ${total('duplicated')}`,
    '',
    `fault injections: ${result.faults.length} (${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')}); rebalances: ${result.rebalances.length} second instances (${result.rebalances.filter((r) => r.joinedReady).length} became ready before leaving)`,
    ...result.faults.filter((f) => f.fault.kind !== 'kill-service').map((f) => `  ${f.fault.kind} at ${seconds(f.startedMs)}: down ${seconds('downMs' in f.fault ? f.fault.downMs : 0)}, back after ${seconds(f.recoveredInMs)}; probes ${JSON.stringify(f.probes)}${f.error ? `; ERROR ${f.error}` : ''}`),
    ...result.faults.filter((f) => f.error && f.fault.kind === 'kill-service').map((f) => `  ${JSON.stringify(f.fault)}: ERROR ${f.error}`),
    'service exits (s from the start of the faults, uptime, cause):',
    ...Object.keys(result.restarts).map((service) => `  ${service}: ${result.exits.filter((e) => e.service === service).map((e) => `${(e.atMs / 1000).toFixed(0)} (up ${(e.uptimeMs / 1000).toFixed(0)}, ${e.cause})`).join('; ')}`),
    `restarts by the supervisor: ${Object.entries(result.restarts).map(([s, r]) => `${s} ${r.restarts}${r.gaveUp ? ' (GAVE UP)' : ''}`).join(', ')}`,
    `inputs: ${result.ledger.workers.size} workers acknowledged (${result.ledger.workersUnacknowledged} not), ${result.ledger.vacancies.size} vacancies (${result.ledger.vacanciesRejected.length} refused, ${result.ledger.vacanciesUnknown} unknown), ${result.ledger.hires.size} hires (${result.ledger.hiresRejected.length} refused, ${result.ledger.hiresUnknown.length} without a final answer)`,
    result.replay
      ? `replay of analytics from offset 0: ${result.replay.differences.length === 0 ? `equal to the live answers (${result.replay.compared.join(', ')}), caught up in ${seconds(result.replay.caughtUpInMs)}` : `DIFFERS at ${result.replay.differences.slice(0, 20).join(', ')}`}`
      : 'replay: not run',
    result.mode === 'full' || result.rows.some((r) => r.lost || r.duplicated) ? `logs and sinks kept in ${result.dataDir}` : '',
  ];
  return out.filter((l) => l !== '').join('\n');
}
