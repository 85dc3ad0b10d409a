import type { Finding, Ground } from './forbidden-requirements.js';

// Phrases that say "no distinction", removed before searching so they are not read as conditions.
const NEUTRAL = [
  /không\s+phân\s+biệt\s+(giới\s+tính|nam\s*(,|\/|-|và|hoặc|hay)?\s*nữ|dân\s+tộc|tôn\s+giáo|độ\s+tuổi|tuổi)/gu,
  /(cả\s+)?nam\s*(\/|,|-|và|hoặc|hay)\s*nữ/gu,
  /(cả\s+)?nữ\s*(\/|,|-|và|hoặc|hay)\s*nam/gu,
  /khong\s+phan\s+biet\s+(gioi\s+tinh|nam\s*nu|dan\s+toc)/gu,
  /\b(regardless\s+of|all|any)\s+(gender|sex|ethnicity|age|religion)s?\b/gu,
  /\b(male|men)\s*(\/|or|and)\s*(female|women)\b/gu,
];

// "nam" followed by these is a place, not a gender (Nam Định, Việt Nam, miền Nam ...).
const NOT_A_PLACE = '(?!\\s*(định|bộ|trung|ninh|sách|đàn|phi|mỹ|hàn|á)(?!\\p{L}))';
const GENDER_WORD = `(nam${NOT_A_PLACE}|nữ)`;
const AGE_LIMIT = '(?<!\\d)(1[5-9]|[2-7]\\d)(?!\\d)';

const PATTERNS: readonly (readonly [Ground, RegExp])[] = [
  ['gender', new RegExp(`(chỉ\\s+)?(tuyển|nhận|ưu\\s+tiên|cần)\\s+((lao\\s+động|công\\s+nhân|nhân\\s+viên|ứng\\s+viên|người)\\s+)?${GENDER_WORD}(?=$|[^\\p{L}])`, 'u')],
  ['gender', /(?<!\p{L})(nam|nữ)\s+giới(?!\p{L})/u],
  ['gender', new RegExp(`giới\\s+tính\\s*:?\\s*${GENDER_WORD}`, 'u')],
  ['gender', /\b(chi\s+tuyen\s+(nam|nu)|gioi\s+tinh\s*:?\s*(nam|nu))\b/u],
  ['gender', /\b((male|female|men|women)\s+only|only\s+(male|female|men|women)|must\s+be\s+(a\s+)?(male|female|man|woman)|(gender|sex)\s*:\s*(male|female))\b/u],
  ['ethnicity', /((chỉ\s+)?(tuyển|nhận)\s+người\s+kinh|dân\s+tộc\s*:?\s*kinh|không\s+(tuyển|nhận)\s+(người\s+)?(dân\s+tộc|đồng\s+bào))/u],
  ['ethnicity', /\b((kinh|ethnic\s+vietnamese)\s+only|no\s+ethnic\s+minorit(y|ies))\b/u],
  ['age', new RegExp(`(độ\\s+)?tuổi\\s*:?\\s*(từ\\s+)?${AGE_LIMIT}\\s*(-|–|đến|tới)\\s*${AGE_LIMIT}`, 'u')],
  ['age', new RegExp(`${AGE_LIMIT}\\s*(-|–|đến|tới)\\s*${AGE_LIMIT}\\s+tuổi`, 'u')],
  ['age', new RegExp(`(dưới|không\\s+quá|tối\\s+đa|under|below|up\\s+to|not\\s+over)\\s+${AGE_LIMIT}\\s*(tuổi|years)`, 'u')],
  ['age', new RegExp(`\\b(aged?|age\\s+between)\\s+${AGE_LIMIT}\\s*(-|–|to|and)\\s*${AGE_LIMIT}\\b`, 'u')],
  ['age', /(trên|từ|over|at\s+least)\s+(19|[2-7]\d)\s*(tuổi|years\s+old)/u],
  ['marital-status', /((chưa|đã)\s+(lập\s+gia\s+đình|kết\s+hôn|có\s+gia\s+đình|có\s+chồng|có\s+vợ)|độc\s+thân)/u],
  ['marital-status', /\b((single|unmarried|married)\s+only|must\s+be\s+(single|unmarried|married))\b/u],
  ['pregnancy', /((không|chưa)\s+(mang\s+thai|có\s+thai|có\s+bầu)|cam\s+kết\s+không\s+(sinh\s+con|mang\s+thai)|not\s+pregnant)/u],
  ['hiv-status', /(hiv\s*(âm\s+tính|negative|test)|(xét\s+nghiệm|test)\s+hiv|(âm\s+tính|negative)\s+(với\s+)?hiv)/u],
  ['religion', /((không\s+theo|không\s+có)\s+(đạo|tôn\s+giáo)|(chỉ\s+)?(tuyển|nhận)\s+người\s+(theo\s+)?đạo)/u],
  ['disability', /(không\s+(tuyển|nhận)\s+(người\s+)?khuyết\s+tật|không\s+(có\s+)?dị\s+tật|no\s+disabled|no\s+disabilit(y|ies))/u],
  ['trade-union', /(không\s+(tham\s+gia|gia\s+nhập)\s+công\s+đoàn|no\s+union\s+members?)/u],
];

/** Conditions on a ground the Labour Code forbids, found in free text (Vietnamese with or without diacritics, English). */
export function findForbiddenPhrases(text: string, field: string): Finding[] {
  let plain = text.normalize('NFC').toLowerCase();
  for (const neutral of NEUTRAL) plain = plain.replace(neutral, ' ');
  const found: Finding[] = [];
  for (const [ground, pattern] of PATTERNS) {
    const match = pattern.exec(plain);
    if (match && !found.some((f) => f.ground === ground)) found.push({ ground, field, evidence: match[0].trim() });
  }
  return found;
}
