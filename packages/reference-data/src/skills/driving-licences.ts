/**
 * Which driving-licence classes a class lets its holder drive, per Article 57
 * of the Law on Road Traffic Order and Safety (Law 36/2024/QH15, in force
 * from 1 January 2025). Codes are the skill codes of the certificates.
 * A trailer class (…E) is only issued to holders of its base class, so it
 * covers that class and what the base class covers.
 */
const COVERS: Readonly<Record<string, readonly string[]>> = {
  'driving-licence-a1': [],
  'driving-licence-a': ['driving-licence-a1'],
  'driving-licence-b1': ['driving-licence-a1'],
  'driving-licence-b': [],
  'driving-licence-c1': ['driving-licence-b'],
  'driving-licence-c': ['driving-licence-b', 'driving-licence-c1'],
  'driving-licence-d1': ['driving-licence-b', 'driving-licence-c1', 'driving-licence-c'],
  'driving-licence-d2': ['driving-licence-b', 'driving-licence-c1', 'driving-licence-c', 'driving-licence-d1'],
  'driving-licence-d': ['driving-licence-b', 'driving-licence-c1', 'driving-licence-c', 'driving-licence-d1', 'driving-licence-d2'],
  'driving-licence-be': ['driving-licence-b'],
  'driving-licence-c1e': ['driving-licence-c1'],
  'driving-licence-ce': ['driving-licence-c'],
  'driving-licence-d1e': ['driving-licence-d1'],
  'driving-licence-d2e': ['driving-licence-d2'],
  'driving-licence-de': ['driving-licence-d'],
};

export const DRIVING_LICENCE_CLASSES = Object.keys(COVERS);

/** True when a holder of licence `have` may drive what licence `need` allows. */
export function drivingLicenceCovers(have: string, need: string): boolean {
  if (have === need) return have in COVERS;
  const seen = new Set<string>();
  const queue = [...(COVERS[have] ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (next === need) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(COVERS[next] ?? []));
  }
  return false;
}
