/** Every reference list, by id: the id names the CSV file and the manifest entry. */
export const LIST_IDS = [
  'occupations',
  'skills',
  'former-districts',
  'communes',
  'industrial-parks',
  'ethnic-groups',
  'cccd-provinces',
  'qualification-levels',
  'education-levels',
  'languages',
  'language-levels',
  'vsic',
  'priority-groups',
] as const;

export type ListId = (typeof LIST_IDS)[number];

export const isListId = (value: string): value is ListId => (LIST_IDS as readonly string[]).includes(value);
