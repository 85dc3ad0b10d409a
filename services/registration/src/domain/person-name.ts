/** A Vietnamese name as stored: NFC (precomposed diacritics), single spaces. */
export const normaliseName = (input: string): string => input.normalize('NFC').replace(/\s+/g, ' ').trim();
