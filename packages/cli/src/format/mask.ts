/** Keys whose values are citizen-ID numbers, in any event or report. */
const CITIZEN_ID_KEYS = new Set(['citizenid', 'cccd', 'citizen_id', 'so_cccd', 'socccd', 'cmnd']);

export const CITIZEN_ID_MASK = '‹citizen-id›';

/** A run of exactly 12 digits, as a CCCD is: masked wherever it appears in text. */
const TWELVE_DIGITS = /(?<!\d)\d{12}(?!\d)/g;

export const maskText = (text: string): string => text.replace(TWELVE_DIGITS, CITIZEN_ID_MASK);

/**
 * A copy of a value with every citizen-ID removed: fields named like one are
 * replaced whole, and any 12-digit run in a string is masked. What an
 * operator's terminal shows must never carry the number.
 */
export function maskCitizenIds(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskCitizenIds);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, CITIZEN_ID_KEYS.has(key.toLowerCase()) ? CITIZEN_ID_MASK : maskCitizenIds(inner)]),
  );
}
