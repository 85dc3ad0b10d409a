import { vsicContractCode } from '@ketnoi/reference-data';
import { BRANDS, VIETNAMESE_BRANDS, domesticNameForms, foreignNameForms } from '../catalogue/employer-names.js';
import { GIVEN_NAMES, KINH_SURNAMES, MIDDLE_NAMES } from '../catalogue/people.js';
import { demoPlaces, type DemoPlaces } from '../catalogue/places.js';
import { SECTORS, SECTOR_PROFILES, type Sector } from '../catalogue/sectors.js';
import { between, chance, pick, weighted } from '../random/draw.js';
import { recordRandom } from '../random/random.js';
import { asciiSlug, taxCodeOf } from './identity.js';
import { nfc } from './text.js';

/** An employer as staff register it (`POST /v1/employers` of vacancy-intake), with what the generator knows of it. */
export interface DemoEmployer {
  index: number;
  sector: Sector;
  body: {
    taxCode: string;
    name: string;
    vsicSector: string;
    fdi: boolean;
    investorCountry?: string;
    industrialParkCode?: string;
    address: { communeCode: string; street: string };
    contacts: { name: string; role: string; phone: string; email: string }[];
  };
}

const sectorWeights = SECTORS.map((s) => [s, SECTOR_PROFILES[s].share] as const);

/** Employer `index` of the demo of `seed`: the same every time. */
export function employerAt(seed: number, index: number, places: DemoPlaces = demoPlaces()): DemoEmployer {
  const random = recordRandom(seed, 'employer', index);
  const sector = weighted(random, sectorWeights);
  const profile = SECTOR_PROFILES[sector];
  const fdi = profile.investors.length > 0 && chance(random, profile.fdiShare);
  const investorCountry = fdi ? weighted(random, profile.investors) : undefined;
  const park = chance(random, profile.inParkShare) ? places.park(random, fdi ? 'industrial-park' : undefined) : undefined;
  const upland = (sector === 'tea' || sector === 'agriculture' || sector === 'mining') && chance(random, 0.4);
  const home = profile.homeCommunes.length > 0 && chance(random, 0.7) ? pick(random, profile.homeCommunes) : undefined;
  const commune = park
    ? places.communes.find((c) => c.code === park.commune_code)!
    : home
      ? places.communes.find((c) => c.code === home)!
      : places.businessCommune(random, upland);
  const name = nfc(
    investorCountry
      ? pick(random, foreignNameForms(sector))(pick(random, BRANDS[investorCountry] ?? BRANDS.KR!))
      : pick(random, domesticNameForms(sector))(pick(random, VIETNAMESE_BRANDS), commune.name),
  );
  const street = park ? `Lô ${pick(random, ['CN', 'B', 'C', 'D'])}-${between(random, 1, 24)}, ${park.kind === 'industrial-park' ? 'KCN' : 'CCN'} ${park.name}` : `Tổ ${between(random, 1, 30)}, ${commune.type === 'ward' ? 'phường' : 'xã'} ${commune.name}`;
  const hrName = `${weighted(random, KINH_SURNAMES)} ${pick(random, MIDDLE_NAMES.female)} ${pick(random, GIVEN_NAMES.female)}`;
  const body: DemoEmployer['body'] = {
    taxCode: taxCodeOf(index, seed % 1_000_000, between(random, 0, 9)),
    name: name.length > 300 ? name.slice(0, 300) : name,
    vsicSector: vsicContractCode(pick(random, profile.vsicDivisions)),
    fdi,
    ...(investorCountry === undefined ? {} : { investorCountry }),
    ...(park === undefined ? {} : { industrialParkCode: park.code }),
    address: { communeCode: commune.code, street: nfc(street) },
    contacts: [
      {
        name: nfc(hrName),
        role: 'Phòng Hành chính - Nhân sự',
        phone: `02083${String(between(random, 100_000, 999_999))}`,
        email: `tuyendung.${asciiSlug(name, '').slice(0, 40)}${index}@demo.ketnoi.example`,
      },
    ],
  };
  return { index, sector, body };
}

/** The first `count` employers of the demo of `seed`. */
export function* generateEmployers(seed: number, count: number): Generator<DemoEmployer> {
  const places = demoPlaces();
  for (let i = 0; i < count; i += 1) yield employerAt(seed, i, places);
}
