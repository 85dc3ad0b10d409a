import type { ReferenceList } from '../core/reference-list.js';
import { CEFR_LEVELS, type LanguageLevel } from './language-level-list.js';

const cefrRank = (level: LanguageLevel): number | undefined =>
  level.cefr === undefined ? undefined : (CEFR_LEVELS as readonly string[]).indexOf(level.cefr) + 1;

/**
 * Whether a level someone has meets the level a vacancy needs. Within one
 * scheme (TOPIK 4 vs TOPIK 3, N2 vs N3) the scheme's own order decides;
 * across schemes (an IELTS band vs a CEFR level, TOPIK vs "fluent") both are
 * compared through their approximate CEFR equivalents, which the
 * language-levels source note documents. No requirement is always met;
 * having no level never meets one. Unknown level codes raise NOT_FOUND.
 */
export function languageLevelHelpers(list: () => ReferenceList<LanguageLevel>) {
  const languageLevel = (code: string): LanguageLevel | undefined => list().get(code);
  const meetsLanguageLevel = (have: string | undefined, need: string | undefined): boolean => {
    if (need === undefined || need === '') return true;
    const needed = list().require(need);
    if (have === undefined || have === '') return false;
    const held = list().require(have);
    if (held.scheme === needed.scheme) return held.rank >= needed.rank;
    const heldCefr = cefrRank(held);
    const neededCefr = cefrRank(needed);
    return heldCefr !== undefined && neededCefr !== undefined && heldCefr >= neededCefr;
  };
  return { languageLevel, meetsLanguageLevel };
}
