const COLOURS = [36, 35, 33, 32, 34, 91, 96] as const;
const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLOURS: Record<string, number> = { WARN: 33, ERROR: 31, FATAL: 31 };
/** Fields every line has, or that say nothing to a person reading the console. */
const QUIET_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'serviceName', 'trace_id', 'span_id', 'trace_flags', 'v']);

export interface LineStyle {
  colour: boolean;
  width: number;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** A stable colour per name, so a service keeps its colour between runs. */
export const colourOf = (name: string): number => COLOURS[[...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % COLOURS.length]!;

const scalar = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * One line of a service's output for the console: `name | 12:00:01 INFO msg key=value`.
 * A pino JSON line is made readable; anything else is kept as it is.
 */
export function formatLine(name: string, line: string, style: LineStyle): string {
  const prefix = paint(style.colour, colourOf(name), `${name.padEnd(style.width)} |`);
  let record: Record<string, unknown> | null = null;
  if (line.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) record = parsed as Record<string, unknown>;
    } catch {
      record = null;
    }
  }
  if (!record) return `${prefix} ${line}`;
  const level = typeof record.level === 'number' ? (LEVELS[record.level] ?? String(record.level)) : String(record.level ?? '').toUpperCase();
  const time = typeof record.time === 'string' ? record.time.slice(11, 19) : typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 19) : '';
  const fields = Object.entries(record)
    .filter(([key]) => !QUIET_FIELDS.has(key))
    .map(([key, value]) => `${key}=${scalar(value)}`)
    .join(' ');
  const levelText = paint(style.colour && level in LEVEL_COLOURS, LEVEL_COLOURS[level] ?? 0, level.padEnd(5));
  return `${prefix} ${time} ${levelText} ${scalar(record.msg ?? '')}${fields ? ` ${fields}` : ''}`;
}
