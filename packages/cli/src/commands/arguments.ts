import { InvalidArgumentError } from 'commander';

/** A whole number in [min, max], for flags like --workers. */
export const integerIn =
  (min: number, max: number) =>
  (text: string): number => {
    if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError(`"${text}" is not a whole number`);
    const value = Number(text);
    if (value < min || value > max) throw new InvalidArgumentError(`must be between ${min} and ${max}`);
    return value;
  };

/** A comma-separated list of host:port. */
export function brokerList(text: string): string[] {
  const brokers = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (brokers.length === 0 || brokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) {
    throw new InvalidArgumentError('brokers are host:port, separated by commas');
  }
  return brokers;
}

export function isoDay(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) throw new InvalidArgumentError('a date is YYYY-MM-DD');
  return text;
}
