import { describe, expect, it } from 'vitest';
import { editDistance, findDuplicate, isDuplicatePosting, mergeTerms, titleSimilarity } from '../../src/domain/duplicates.js';
import { titleKey } from '../../src/domain/title-key.js';
import { openVacancy } from '../../src/domain/vacancy.js';
import { aVacancy } from '../mothers.js';

const employer = { employerId: 'emp_000001', fdi: false, vsicSector: 'C' };
const now = new Date();

describe('duplicate postings', () => {
  it('folds titles: no diacritics, no noise words or counts, words in order', () => {
    expect(titleKey('TUYỂN GẤP 50 Công nhân May!')).toBe('cong may nhan');
    expect(titleKey('Đầu bếp')).toBe('bep dau');
  });

  it('measures title similarity', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(titleSimilarity('Công nhân may công nghiệp', 'Tuyển gấp công nhân may công nghiệp')).toBe(1);
    expect(titleSimilarity('Công nhân may công nghiep', 'Cong nhan may cong nghiệp.')).toBe(1);
    expect(titleSimilarity('Công nhân may', 'Kỹ sư cơ khí')).toBeLessThan(0.5);
  });

  it('needs the same employer, occupation and workplace and a near-identical title', () => {
    const a = { ...aVacancy({ title: 'Công nhân lắp ráp điện tử' }), employerId: 'emp_1' };
    expect(isDuplicatePosting(a, { ...a, title: 'Tuyển công nhân lắp ráp điện tử' })).toBe(true);
    expect(isDuplicatePosting(a, { ...a, title: 'Công nhân lắp rap điên tư' })).toBe(true);
    expect(isDuplicatePosting(a, { ...a, employerId: 'emp_2' })).toBe(false);
    expect(isDuplicatePosting(a, { ...a, occupationCode: '8211' })).toBe(false);
    expect(isDuplicatePosting(a, { ...a, communeCode: '05861' })).toBe(false);
    expect(isDuplicatePosting(a, { ...a, industrialParkCode: 'diem-thuy' })).toBe(false);
    expect(isDuplicatePosting(a, { ...a, title: 'Kỹ thuật viên bảo trì' })).toBe(false);
  });

  it('finds the most similar open duplicate', () => {
    const open = [
      { id: 'vac_a', state: openVacancy(employer, aVacancy({ title: 'Công nhân lắp ráp điện tử ca đêm' }), now).state },
      { id: 'vac_b', state: openVacancy(employer, aVacancy({ title: 'Công nhân lắp ráp điện tử' }), now).state },
      { id: 'vac_c', state: { ...openVacancy(employer, aVacancy({ title: 'Công nhân lắp ráp điện tử' }), now).state, status: 'filled' as const } },
    ];
    expect(findDuplicate('emp_000001', aVacancy({ title: 'Tuyển gấp công nhân lắp ráp điện tử' }), open)?.id).toBe('vac_b');
    expect(findDuplicate('emp_000002', aVacancy(), open)).toBeUndefined();
  });

  it('merges two postings into one: newer wording, larger headcount, later deadline, union of lists', () => {
    const existing = aVacancy({ positions: 40, deadline: '2026-12-20', skills: [{ code: 'smt', mustHave: true, weight: 0.8 }], certificates: ['atld'] });
    const incoming = aVacancy({
      title: 'Tuyển công nhân lắp ráp',
      positions: 25,
      deadline: '2026-12-10',
      wageMinVnd: 8_000_000,
      skills: [{ code: 'smt', mustHave: false, weight: 0.5 }, { code: 'soldering', mustHave: false, weight: 0.3 }],
      certificates: ['pccc'],
      description: undefined,
    });
    const merged = mergeTerms(existing, incoming);
    expect(merged).toMatchObject({ title: 'Tuyển công nhân lắp ráp', positions: 40, deadline: '2026-12-20', wageMinVnd: 8_000_000, description: existing.description });
    expect(merged.skills).toEqual([{ code: 'smt', mustHave: false, weight: 0.5 }, { code: 'soldering', mustHave: false, weight: 0.3 }]);
    expect(merged.certificates).toEqual(['atld', 'pccc']);
  });
});
