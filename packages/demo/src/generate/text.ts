export const normaliseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Vietnamese text as the services store it: NFC, single spaces. */
export const nfc = (text: string): string => normaliseSpaces(text).normalize('NFC');
