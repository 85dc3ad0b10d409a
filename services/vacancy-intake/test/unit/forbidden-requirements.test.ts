import { describe, expect, it } from 'vitest';
import { findForbiddenPhrases } from '../../src/domain/forbidden-phrases.js';
import {
  discriminatoryRequirement,
  findAgeConditions,
  findForbiddenFields,
  findForbiddenRequirements,
} from '../../src/domain/forbidden-requirements.js';

const grounds = (text: string) => findForbiddenPhrases(text, 'description').map((f) => f.ground);

describe('forbidden requirements (Labour Code 2019 art. 3(8), art. 8)', () => {
  it.each([
    ['Chỉ tuyển nữ, làm việc tại KCN Yên Bình', 'gender'],
    ['Tuyển công nhân nam vận hành máy', 'gender'],
    ['Ưu tiên nữ giới', 'gender'],
    ['Giới tính: Nam', 'gender'],
    ['chi tuyen nu, luong 8 trieu', 'gender'],
    ['Female only, night shift', 'gender'],
    ['Must be a male', 'gender'],
    ['Chỉ nhận người Kinh', 'ethnicity'],
    ['Không tuyển người dân tộc', 'ethnicity'],
    ['Độ tuổi: 18 - 35', 'age'],
    ['Từ 18 đến 30 tuổi', 'age'],
    ['Dưới 35 tuổi', 'age'],
    ['Trên 25 tuổi', 'age'],
    ['Aged 20-30', 'age'],
    ['Chưa lập gia đình', 'marital-status'],
    ['Must be single', 'marital-status'],
    ['Cam kết không sinh con trong 2 năm', 'pregnancy'],
    ['Không mang thai', 'pregnancy'],
    ['Xét nghiệm HIV âm tính', 'hiv-status'],
    ['Không theo tôn giáo', 'religion'],
    ['Ngoại hình không dị tật', 'disability'],
    ['Không tham gia công đoàn', 'trade-union'],
  ])('finds "%s" (%s)', (text, ground) => {
    expect(grounds(text)).toContain(ground);
  });

  it.each([
    'Tuyển 50 công nhân may, 5 năm kinh nghiệm, lương 8 - 12 triệu',
    'Không phân biệt nam nữ, làm việc tại Nam Định và Việt Nam',
    'Tuyển nam/nữ vận hành máy CNC',
    'Cả nam và nữ đều được',
    'Từ 18 tuổi trở lên',
    'Ưu tiên người khuyết tật, có xe đưa đón',
    'Men or women welcome; regardless of age',
    'Làm việc 2 - 3 năm tại dây chuyền',
    'Kỹ sư điện tử, tiếng Hàn TOPIK 3',
  ])('finds nothing in the fair wording "%s"', (text) => {
    expect(grounds(text)).toEqual([]);
  });

  it('reads text in decomposed Unicode (as some systems send it)', () => {
    expect(grounds('Chỉ tuyển nữ'.normalize('NFD'))).toEqual(['gender']);
  });

  it('finds fields named after a forbidden ground, top level or one down', () => {
    const findings = findForbiddenFields({ title: 'x', gender: 'female', terms: { ethnicGroup: 'kinh', ok: 1 } });
    expect(findings).toEqual([
      { ground: 'gender', field: 'gender', evidence: 'gender' },
      { ground: 'ethnicity', field: 'terms.ethnicGroup', evidence: 'ethnicGroup' },
    ]);
  });

  it('allows the legal working age as a floor, refuses ceilings and higher floors', () => {
    expect(findAgeConditions({ minAge: 18 })).toEqual([]);
    expect(findAgeConditions({ minAge: 22, maxAge: 35 }).map((f) => f.field)).toEqual(['maxAge', 'minAge']);
  });

  it('answers 422 naming the grounds and the law', () => {
    const error = discriminatoryRequirement(findForbiddenRequirements({ title: 'Tuyển nữ', maxAge: 30 }));
    expect(error).toMatchObject({ code: 'DISCRIMINATORY_REQUIREMENT', status: 422 });
    expect(error.message).toMatch(/age, gender.*Bộ luật Lao động 2019/);
    expect(error.details?.findings).toHaveLength(2);
  });
});
