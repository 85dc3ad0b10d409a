export type ReadinessCheck = () => Promise<unknown>;

export type CheckResult =
  | { status: 'up'; durationMs: number }
  | { status: 'down'; durationMs: number; reason: string };

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

interface Entry {
  check: ReadinessCheck;
  timeoutMs: number;
}

class CheckTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'CheckTimeout';
  }
}

function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(timeoutMs)), timeoutMs);
  });
  return Promise.race([Promise.resolve().then(check), timeout]).finally(() => clearTimeout(timer));
}

/**
 * The dependencies a service needs before it can take work. Plugins add a
 * check when they open a connection; `/health/ready` runs them all.
 */
export class Readiness {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly defaultTimeoutMs = 2_000) {}

  register(name: string, check: ReadinessCheck, options: { timeoutMs?: number } = {}): void {
    if (this.entries.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.entries.set(name, { check, timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs });
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** Runs every check at once; never throws. `onFailure` sees each failure for logging. */
  async run(onFailure?: (name: string, error: unknown) => void): Promise<ReadinessReport> {
    const results = await Promise.all(
      [...this.entries].map(async ([name, { check, timeoutMs }]) => {
        const started = performance.now();
        const elapsed = () => Math.round(performance.now() - started);
        try {
          await withTimeout(check, timeoutMs);
          return [name, { status: 'up', durationMs: elapsed() }] as const;
        } catch (error) {
          onFailure?.(name, error);
          return [name, { status: 'down', durationMs: elapsed(), reason: failureName(error) }] as const;
        }
      }),
    );
    const checks: Record<string, CheckResult> = Object.fromEntries(results);
    return { ready: results.every(([, result]) => result.status === 'up'), checks };
  }
}

/** A short, safe reason for a response (name and code, never the message); the full error goes to the log. */
export function failureName(error: unknown): string {
  if (error instanceof CheckTimeout) return error.message;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name} (${code})` : error.name;
  }
  return 'failed';
}
