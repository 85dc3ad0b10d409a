import { InvalidArgumentError } from 'commander';

export interface OffsetChoice {
  partition?: number;
  offset: string;
}

/** `--offset 3,5,0:7`: offsets, each optionally `partition:offset`. */
export function parseOffsets(text: string): OffsetChoice[] {
  const choices = text.split(',').map((part) => part.trim()).filter(Boolean);
  if (choices.length === 0) throw new InvalidArgumentError('give at least one offset, e.g. 3 or 3,5 or 0:7');
  return choices.map((choice) => {
    const match = /^(?:(\d+):)?(\d+)$/.exec(choice);
    if (!match) throw new InvalidArgumentError(`"${choice}" is not an offset (N or partition:N)`);
    return match[1] === undefined ? { offset: String(BigInt(match[2]!)) } : { partition: Number(match[1]), offset: String(BigInt(match[2]!)) };
  });
}

/** The records the choices name; an offset found on no partition, or on several without a partition, is an error. */
export function selectRecords<T extends { partition: number; offset: string }>(records: readonly T[], choices: readonly OffsetChoice[]): T[] {
  return choices.map((choice) => {
    const found = records.filter((r) => r.offset === choice.offset && (choice.partition === undefined || r.partition === choice.partition));
    const label = choice.partition === undefined ? choice.offset : `${choice.partition}:${choice.offset}`;
    if (found.length === 0) throw new Error(`no dead letter at offset ${label}`);
    if (found.length > 1) throw new Error(`offset ${choice.offset} is on several partitions; write partition:offset`);
    return found[0]!;
  });
}
