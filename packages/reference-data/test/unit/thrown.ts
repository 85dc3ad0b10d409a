/** The error a function throws (or undefined), to assert on its fields. */
export function thrown(fn: () => unknown): (Error & { code?: string; details?: unknown }) | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  return undefined;
}
