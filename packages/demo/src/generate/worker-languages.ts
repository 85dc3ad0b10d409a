import type { WorkerProfile } from '@ketnoi/contracts';
import { QUALIFICATION_RANK, type Qualification } from '../catalogue/people.js';
import { chance, pick } from '../random/draw.js';
import type { Random } from '../random/random.js';

type Languages = WorkerProfile['languages'];

const LEVELS = {
  ko: ['TOPIK1', 'TOPIK2', 'TOPIK3', 'EPS-TOPIK', 'TOPIK4'],
  ja: ['N5', 'N4', 'N3', 'JFT-BASIC', 'N2'],
  zh: ['HSK2', 'HSK3', 'HSK4', 'HSK5'],
  en: ['A2', 'B1', 'B2', 'TOEIC550', 'IELTS5.5'],
} as const;

/**
 * Vietnamese for everyone; English with schooling; Korean, Japanese or
 * Chinese mostly from working abroad or training for it (what FDI employers ask).
 */
export function languagesOf(random: Random, qualification: Qualification, fromAbroad: 'ko' | 'ja' | 'zh' | undefined): Languages {
  const languages: Languages = [{ code: 'vi', level: 'native' }];
  if (fromAbroad) languages.push({ code: fromAbroad, level: pick(random, LEVELS[fromAbroad].slice(1)) });
  const schooled = QUALIFICATION_RANK[qualification] >= 3;
  if (chance(random, schooled ? 0.55 : 0.08)) languages.push({ code: 'en', level: pick(random, schooled ? LEVELS.en.slice(1) : LEVELS.en.slice(0, 2)) });
  for (const code of ['ko', 'ja', 'zh'] as const) {
    if (code !== fromAbroad && chance(random, code === 'ko' ? 0.05 : code === 'ja' ? 0.03 : 0.02)) {
      languages.push({ code, level: pick(random, LEVELS[code].slice(0, 3)) });
    }
  }
  return languages;
}
