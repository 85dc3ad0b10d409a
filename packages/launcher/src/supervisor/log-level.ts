const NAMES: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** The pino level of a JSON log line (name or number); a line that is not JSON counts as an error (a crash trace). */
export function levelOf(line: string): number {
  const match = /"level":\s*(?:"(\w+)"|(\d+))/.exec(line);
  if (!line.startsWith('{') || !match) return NAMES.error!;
  return match[2] ? Number(match[2]) : (NAMES[match[1]!.toLowerCase()] ?? NAMES.info!);
}

export const WARN_LEVEL = NAMES.warn!;
