import type { DeadLetterView, ReplayEntry } from '../dlq/dead-letter-view.js';
import { maskText } from './mask.js';

const clip = (text: string, width: number) => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);

/** One dead letter: where it is, when and why it was rejected, where it came from, and whether it was replayed. */
export function formatDeadLetter(letter: DeadLetterView, replay: ReplayEntry | undefined, reasonWidth = 160): string {
  const origin = `${letter.origin.topic}[${letter.origin.partition}]@${letter.origin.offset}`;
  const replayed = replay ? `replayed ${replay.replayedAt} by ${replay.by}` : 'not replayed';
  return [
    `${letter.partition}:${letter.offset}`,
    letter.at,
    letter.code,
    letter.type ?? '-',
    `key=${maskText(letter.key ?? '-')}`,
    `from ${origin} (group ${letter.group})`,
    replayed,
  ].join('  ') + `\n    ${maskText(clip(letter.reason, reasonWidth))}`;
}
