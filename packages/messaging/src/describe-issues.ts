import type { z } from 'zod';

/**
 * A short, value-free description of validation issues: field paths and
 * messages only, so a rejected personal record leaks nothing into a DLQ
 * header or a log line.
 */
export const describeIssues = (issues: readonly z.core.$ZodIssue[], max = 5): string => {
  const parts = issues.slice(0, max).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = issues.length > max ? `; and ${issues.length - max} more` : '';
  return parts.join('; ') + more;
};
