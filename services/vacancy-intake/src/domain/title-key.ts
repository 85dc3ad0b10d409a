// Words that say how a post is worded, not what the job is.
const NOISE = new Set(['tuyen', 'dung', 'gap', 'can', 'nhieu', 'so', 'luong', 'urgent', 'hiring', 'wanted', 'we', 'are', 'now']);

/** Lower case without diacritics (đ → d), punctuation or spaces that do not matter. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A title reduced to what identifies the job: folded, noise words and numbers dropped, words sorted. */
export const titleKey = (title: string): string =>
  fold(title)
    .split(' ')
    .filter((word) => word.length > 0 && !NOISE.has(word) && !/^\d+$/.test(word))
    .sort()
    .join(' ');
