import { vacanciesTopic } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { closeVacancy, expireVacancy, openVacancy, recordHire, reviseVacancy } from '../../src/domain/vacancy.js';
import { placementIdOf, vacancyEvents } from '../../src/domain/vacancy-events.js';
import { assertAcceptableTerms } from '../../src/domain/vacancy-rules.js';
import { permissiveReferences } from '../../src/domain/references.js';
import { aVacancy, today } from '../mothers.js';

const employer = { employerId: 'emp_000001', fdi: true, vsicSector: 'C2610' };
const now = new Date('2026-11-26T03:00:00Z');

describe('vacancy life cycle', () => {
  it('opens with the deadline ending at midnight in Vietnam', () => {
    const { state, event } = openVacancy(employer, aVacancy({ deadline: '2026-12-10' }), now);
    expect(event).toBe('vacancy.opened');
    expect(state).toMatchObject({ status: 'open', positionsFilled: 0, expiresAt: '2026-12-10T16:59:59.999Z', fdi: true });
  });

  it('revises terms, and does nothing when nothing changes', () => {
    const { state } = openVacancy(employer, aVacancy(), now);
    expect(reviseVacancy(state, { ...state.terms }, now)).toBeNull();
    const revised = reviseVacancy(state, { ...state.terms, positions: 60 }, now);
    expect(revised).toMatchObject({ event: 'vacancy.updated', state: { terms: { positions: 60 } } });
  });

  it('closes itself as filled when the last position is hired', () => {
    let { state } = openVacancy(employer, aVacancy({ positions: 2 }), now);
    const first = recordHire(state, { workerId: 'wrk_000001' }, now);
    expect(first).toMatchObject({ event: 'vacancy.updated', state: { positionsFilled: 1, status: 'open' } });
    state = first.state;
    expect(() => recordHire(state, { workerId: 'wrk_000001' }, now)).toThrow(expect.objectContaining({ code: 'ALREADY_HIRED', status: 409 }));
    const last = recordHire(state, { workerId: 'wrk_000002' }, now);
    expect(last).toMatchObject({ event: 'vacancy.closed', state: { status: 'filled', closeReason: 'filled', positionsFilled: 2 } });
    expect(() => recordHire(last.state, { workerId: 'wrk_000003' }, now)).toThrow(expect.objectContaining({ code: 'VACANCY_CLOSED' }));
  });

  it('refuses to shrink below the hires, and closes when shrunk to them', () => {
    const { state } = recordHire(openVacancy(employer, aVacancy({ positions: 5 }), now).state, { workerId: 'wrk_000001' }, now);
    expect(() => reviseVacancy(state, { ...state.terms, positions: 0 + 0 }, now)).toThrow(expect.objectContaining({ status: 422 }));
    expect(reviseVacancy(state, { ...state.terms, positions: 1 }, now)).toMatchObject({ event: 'vacancy.closed', state: { status: 'filled' } });
  });

  it('expires only once its deadline day has ended', () => {
    const { state } = openVacancy(employer, aVacancy({ deadline: '2026-11-30' }), now);
    expect(expireVacancy(state, new Date('2026-11-30T16:59:59Z'))).toBeNull();
    expect(expireVacancy(state, new Date('2026-11-30T17:00:00Z'))).toMatchObject({ event: 'vacancy.expired', state: { status: 'expired' } });
  });

  it('withdraws with a note, and a closed vacancy no longer changes', () => {
    const { state } = closeVacancy(openVacancy(employer, aVacancy(), now).state, 'withdrawn', 'plan changed', now);
    expect(state).toMatchObject({ status: 'withdrawn', closeNote: 'plan changed' });
    expect(() => reviseVacancy(state, state.terms, now)).toThrow(expect.objectContaining({ code: 'VACANCY_CLOSED', status: 409 }));
  });
});

describe('vacancy events', () => {
  it('publish valid snapshots, with the placement on a hire', () => {
    const opened = openVacancy(employer, aVacancy({ positions: 1 }), now);
    const [event] = vacancyEvents('vac_000001', 1, opened, now);
    expect(event).toMatchObject({ topic: vacanciesTopic.name, type: 'vacancy.opened', subject: 'vac_000001', data: { version: 1, status: 'open' } });

    const hired = recordHire(opened.state, { workerId: 'wrk_000001', wageVnd: 8_000_000 }, now);
    const events = vacancyEvents('vac_000001', 2, hired, now);
    expect(events.map((e) => e.type)).toEqual(['vacancy.closed', 'placement.recorded']);
    expect(events[0]!.data).toMatchObject({ closeReason: 'filled', positionsFilled: 1 });
    expect(events[1]!.data).toMatchObject({ placementId: placementIdOf('vac_000001', 'wrk_000001'), version: 1, wageVnd: 8_000_000 });
  });
});

describe('acceptable terms', () => {
  const context = { today: today(), references: permissiveReferences };

  it('accepts the mother', () => {
    expect(() => assertAcceptableTerms(aVacancy(), context)).not.toThrow();
  });

  it('refuses discrimination before other rules', () => {
    expect(() => assertAcceptableTerms(aVacancy({ title: 'Chỉ tuyển nữ', wageMinVnd: 1 }), context)).toThrow(
      expect.objectContaining({ code: 'DISCRIMINATORY_REQUIREMENT' }),
    );
  });

  it('lists every broken rule', () => {
    try {
      assertAcceptableTerms(aVacancy({ wageMinVnd: 1_000_000, deadline: '2020-01-01', skills: [{ code: 'a', mustHave: true, weight: 1 }, { code: 'a', mustHave: false, weight: 0.2 }] }), context);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'RULES_VIOLATED', status: 422 });
      const codes = ((error as { details: { violations: { code: string }[] } }).details.violations).map((v) => v.code);
      expect(codes).toEqual(['WAGE_BELOW_MINIMUM', 'DATE_IN_PAST', 'DUPLICATE_SKILL']);
    }
  });
});
