import { describe, expect, it } from 'vitest';
import { PROVINCE_BOUNDING_BOX, ROAD_FACTOR, haversineKm, referenceData } from '../../src/index.js';
import { thrown } from './thrown.js';

const { distanceKm, commune, industrialPark, parksIn } = referenceData;
const communes = () => referenceData.list('communes').items;
const parks = () => referenceData.list('industrial-parks').items;

describe('places', () => {
  it('holds the 92 units of the 2025 reform: 77 communes and 15 wards', () => {
    expect(communes()).toHaveLength(92);
    expect(communes().filter((row) => row.type === 'ward')).toHaveLength(15);
    expect(commune('01843')?.name).toBe('Bắc Kạn');
    expect(commune('05443')?.former_district_codes).toEqual(['164']);
  });

  it('draws communes from all 17 former districts of both former provinces', () => {
    const used = new Set(communes().flatMap((row) => row.former_district_codes));
    expect(used.size).toBe(17);
    const provinces = new Set(referenceData.list('former-districts').items.map((row) => row.former_province));
    expect(provinces).toEqual(new Set(['Thái Nguyên', 'Bắc Kạn']));
  });

  it('has the main industrial parks', () => {
    for (const code of ['yen-binh', 'diem-thuy', 'song-cong-1', 'song-cong-2', 'nam-pho-yen', 'quyet-thang', 'tay-pho-yen', 'phu-binh', 'thanh-binh']) {
      expect(industrialPark(code)?.kind, code).toBe('industrial-park');
    }
    expect(parksIn('05941').map((park) => park.code)).toContain('diem-thuy');
  });

  it('uses a bounding box around the province', () => {
    expect(PROVINCE_BOUNDING_BOX.minLat).toBeLessThan(PROVINCE_BOUNDING_BOX.maxLat);
    expect(PROVINCE_BOUNDING_BOX).toMatchObject({ minLat: 21.3, maxLat: 22.75, minLon: 105.45, maxLon: 106.3 });
  });

  it('measures great-circle distance', () => {
    expect(haversineKm({ lat: 21, lon: 105 }, { lat: 22, lon: 105 })).toBeCloseTo(111.2, 0);
    expect(ROAD_FACTOR).toBe(1.3);
  });

  it('is symmetric and zero to itself for every pair of places', () => {
    const codes = [...communes(), ...parks()].map((row) => row.code);
    for (const a of codes) {
      expect(distanceKm(a, a)).toBe(0);
      for (const b of codes) {
        const d = distanceKm(a, b);
        expect(d).toBe(distanceKm(b, a));
        if (a !== b) expect(d).toBeGreaterThan(0);
      }
    }
  });

  it('gives plausible road distances', () => {
    const cityToBacKan = distanceKm('05443', '01843');
    expect(cityToBacKan).toBeGreaterThan(60);
    expect(cityToBacKan).toBeLessThan(110);
    expect(distanceKm('05443', 'yen-binh')).toBeLessThan(40);
    expect(distanceKm('05860', 'yen-binh')).toBeLessThan(10);
  });

  it('refuses unknown places', () => {
    expect(thrown(() => distanceKm('05443', '99999'))?.code).toBe('NOT_FOUND');
  });
});
