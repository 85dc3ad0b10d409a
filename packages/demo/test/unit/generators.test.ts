import { workerSubmission } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { generateEmployers, generateVacancies, generateWorkers, taxCheckDigit } from '../../src/index.js';
import { assertEmployerAccepted, assertVacancyAccepted, registrationIssues } from '../service-rules.js';

const SEED = 4242;
const TODAY = '2026-11-26';
const workers = [...generateWorkers(SEED, 5_000)];
const employers = [...generateEmployers(SEED, 300)];
const vacancies = [...generateVacancies(SEED, 3_000, { employers: 300, today: TODAY })];
const share = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length / items.length;

describe('generated workers', () => {
  it('are valid ingest.workers.v1 submissions that registration accepts', () => {
    for (const worker of workers) {
      expect(workerSubmission.safeParse({ externalRef: worker.externalRef, profile: worker.profile }).error).toBeUndefined();
      expect(registrationIssues(worker.profile, TODAY), `worker ${worker.index}`).toEqual([]);
    }
  });

  it('have one citizen-ID each, matching birth year and gender', () => {
    expect(new Set(workers.map((w) => w.profile.citizenId)).size).toBe(workers.length);
    const w = workers.find((x) => x.profile.gender === 'female')!;
    expect(Number(w.profile.citizenId[3]) % 2).toBe(1);
    expect(w.profile.citizenId.slice(4, 6)).toBe(w.profile.dateOfBirth.slice(2, 4));
  });

  it('have NFC names', () => {
    for (const w of workers.slice(0, 500)) expect(w.profile.fullName).toBe(w.profile.fullName.normalize('NFC'));
  });

  it('mix like the province: skewed occupations, minorities, poor households, returnees, soldiers, languages', () => {
    const firstChoice = new Map<string, number>();
    for (const w of workers) firstChoice.set(w.profile.desiredOccupations[0]!, (firstChoice.get(w.profile.desiredOccupations[0]!) ?? 0) + 1);
    const ranked = [...firstChoice.entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe('8212');
    expect(ranked[0]![1] / workers.length).toBeGreaterThan(0.1);
    expect(ranked.length).toBeGreaterThan(30);
    expect(share(workers, (w) => w.profile.ethnicity !== '01')).toBeGreaterThan(0.2);
    expect(share(workers, (w) => w.profile.ethnicity !== '01')).toBeLessThan(0.5);
    expect(share(workers, (w) => w.profile.householdStatus === 'poor')).toBeGreaterThan(0.02);
    expect(share(workers, (w) => w.profile.qualification === 'none')).toBeGreaterThan(0.35);
    expect(share(workers, (w) => w.profile.workAbroad?.programme === 'eps-korea')).toBeGreaterThan(0.005);
    expect(share(workers, (w) => w.profile.demobilised !== undefined)).toBeGreaterThan(0.01);
    expect(share(workers, (w) => w.profile.languages.some((l) => l.code === 'ko'))).toBeGreaterThan(0.03);
    for (const w of workers.filter((x) => x.profile.workAbroad?.programme === 'eps-korea')) {
      expect(w.profile.languages.map((l) => l.code)).toContain('ko');
    }
  });
});

describe('generated employers', () => {
  it('are valid registrations that vacancy-intake accepts (tax code check digit, park in its commune)', () => {
    for (const employer of employers) {
      expect(() => assertEmployerAccepted(employer.body, TODAY), `employer ${employer.index}`).not.toThrow();
      expect(taxCheckDigit(employer.body.taxCode.slice(0, 9))).toBe(Number(employer.body.taxCode[9]));
    }
    expect(new Set(employers.map((e) => e.body.taxCode)).size).toBe(employers.length);
  });

  it('cover the sectors, with FDI electronics in the parks', () => {
    const sectors = new Set(employers.map((e) => e.sector));
    expect([...sectors].sort()).toEqual(['agriculture', 'electronics', 'garments', 'mechanics', 'mining', 'services', 'tea']);
    const electronics = employers.filter((e) => e.sector === 'electronics');
    expect(share(electronics, (e) => e.body.fdi)).toBeGreaterThan(0.6);
    expect(share(electronics, (e) => e.body.industrialParkCode !== undefined)).toBeGreaterThan(0.8);
    expect(share(electronics.filter((e) => e.body.fdi), (e) => e.body.investorCountry === 'KR')).toBeGreaterThan(0.4);
    const tea = employers.filter((e) => e.sector === 'tea');
    expect(share(tea, (e) => ['05503', '05818', '05830', '05611', '05692', '05845'].includes(e.body.address.communeCode))).toBeGreaterThan(0.5);
  });
});

describe('generated vacancies', () => {
  it('pass the HTTP body schema and every rule of vacancy-intake', () => {
    for (const vacancy of vacancies) expect(() => assertVacancyAccepted(vacancy.terms, TODAY), vacancy.reference).not.toThrow();
  });

  it('are spread Zipf-like over employers and carry their reference', () => {
    const perEmployer = new Map<number, number>();
    for (const v of vacancies) perEmployer.set(v.employerIndex, (perEmployer.get(v.employerIndex) ?? 0) + 1);
    const counts = [...perEmployer.values()].sort((a, b) => b - a);
    expect(counts[0]! / vacancies.length).toBeGreaterThan(0.03);
    expect(counts[0]! / vacancies.length).toBeLessThan(0.2);
    expect(perEmployer.size).toBeGreaterThan(150);
    const bySector = (sector: string) => vacancies.filter((v) => employers[v.employerIndex]!.sector === sector).length;
    expect(bySector('electronics')).toBeGreaterThan(bySector('tea') * 3);
    expect(vacancies[7]!.terms.description).toContain(`Mã tin: KN-${SEED}-7.`);
  });
});

describe('determinism', () => {
  it('gives the same records for the same seed, whatever the count', () => {
    expect([...generateWorkers(SEED, 50)]).toEqual(workers.slice(0, 50));
    expect([...generateEmployers(SEED, 20)]).toEqual(employers.slice(0, 20));
    expect([...generateVacancies(SEED, 40, { employers: 300, today: TODAY })]).toEqual(vacancies.slice(0, 40));
  });

  it('gives other records for another seed', () => {
    const other = [...generateWorkers(SEED + 1, 50)];
    expect(other.filter((w, i) => w.profile.fullName === workers[i]!.profile.fullName).length).toBeLessThan(25);
    expect(other[0]!.profile.citizenId).not.toBe(workers[0]!.profile.citizenId);
  });
});
