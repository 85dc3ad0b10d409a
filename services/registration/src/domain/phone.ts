/**
 * Normalises a Vietnamese mobile number to E.164 (+84 and 9 digits).
 * Accepts 0xx..., 84xx..., +84xx..., with spaces, dots, dashes or brackets.
 * Mobile numbers after the 2018 renumbering start with 3, 5, 7, 8 or 9.
 */
export function normaliseMobile(input: string): string | undefined {
  const digits = input.replace(/[\s.\-()]/g, '');
  const national = /^\+84(\d{9})$/.exec(digits)?.[1] ?? /^84(\d{9})$/.exec(digits)?.[1] ?? /^0(\d{9})$/.exec(digits)?.[1];
  if (!national || !/^[35789]/.test(national)) return undefined;
  return `+84${national}`;
}
