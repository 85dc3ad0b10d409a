import { LANGUAGE_CODES } from '@ketnoi/reference-data';
import type { MatchWorker } from '../domain/model.js';
import { IntList, Postings } from './int-list.js';
import { ListPool } from './list-pool.js';
import { languageMask } from './language-ceiling.js';
import { addSkillBits } from './skill-ceiling.js';
import { DEFAULT_BLOCKS, maskOrderKeys, OccupationGroups, type BlockLayout } from './worker-group.js';
import { WorkerColumns } from './worker-columns.js';

const emptyWorker = (): MatchWorker => ({
  id: '',
  flags: 0,
  birthMonth: 0,
  place: 0,
  qualification: 0,
  experienceTenths: 0,
  expectedWageK: 0,
  maxCommuteTenths: 0,
  priority: 0,
  lists: new Uint16Array(0),
  at: 0,
  nOccupations: 0,
  nSkills: 0,
  nCertificates: 0,
  nLanguages: 0,
});

/**
 * The workers in compact form: scalar columns, one pool of id lists, and
 * inverted indexes from occupation (grouped by place) and from skill,
 * certificate and language to slots. No object per
 * worker apart from its id string.
 */
export class WorkerIndex {
  readonly columns = new WorkerColumns();
  readonly pool = new ListPool();
  /** Occupation → (place, priority or not) → group of slots, with the group's best cheap factors (block maxima for pruning). */
  readonly byOccupation: OccupationGroups;
  readonly bySkill = new Postings();
  /** (occupation, skill) → slots (`occupationSkillKey`): the holders of a skill within one occupation. */
  readonly byOccupationSkill = new Postings();
  readonly byCertificate = new Postings();
  /** (occupation, certificate) → slots (`occupationSkillKey`). */
  readonly byOccupationCertificate = new Postings();
  /** Language code (without level) → slots. */
  readonly byLanguage = new Postings();
  /** (occupation, language code) → slots (`occupationSkillKey`), but for the national language, which every worker speaks. */
  readonly byOccupationLanguage = new Postings();
  readonly ids: (string | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly free = new IntList();
  private readonly scratch = emptyWorker();
  /** The postings of a worker's lists after the occupations (skills, certificates, languages). */
  private readonly postingsInListOrder = [this.bySkill, this.byCertificate, this.byLanguage];

  /** `layout`: how big occupation groups are cut into blocks (tests use small ones). */
  constructor(private readonly layout: BlockLayout = DEFAULT_BLOCKS) {
    this.byOccupation = new OccupationGroups(layout);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Slots ever used (live or free): the bound of a scan. */
  get highWater(): number {
    return this.ids.length;
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  upsert(w: MatchWorker): number {
    let slot = this.slots.get(w.id);
    if (slot === undefined) {
      slot = this.free.length > 0 ? this.free.data[--this.free.length]! : this.ids.length;
      this.columns.ensure(slot + 1);
      this.ids[slot] = w.id;
      this.slots.set(w.id, slot);
    } else {
      this.unindex(slot);
    }
    const c = this.columns;
    c.flags[slot] = w.flags;
    c.birthMonth[slot] = w.birthMonth;
    c.place[slot] = w.place;
    c.qualification[slot] = w.qualification;
    c.experienceTenths[slot] = w.experienceTenths;
    c.expectedWageK[slot] = w.expectedWageK;
    c.maxCommuteTenths[slot] = w.maxCommuteTenths;
    c.priority[slot] = w.priority;
    const total = w.nOccupations + w.nSkills + w.nCertificates + w.nLanguages;
    c.at[slot] = this.pool.append(w.lists, w.at, total);
    c.counts.set([w.nOccupations, w.nSkills, w.nCertificates, w.nLanguages], slot * 4);
    c.skillMask[slot * 2] = 0;
    c.skillMask[slot * 2 + 1] = 0;
    addSkillBits(w.lists, w.at + w.nOccupations, w.at + w.nOccupations + w.nSkills, c.skillMask, slot * 2);
    const languagesAt = w.at + w.nOccupations + w.nSkills + w.nCertificates;
    c.languages[slot] = languageMask(w.lists, languagesAt, languagesAt + w.nLanguages);
    this.index(slot);
    if (this.pool.needsCompaction) this.compact();
    return slot;
  }

  /**
   * Adds many workers at once (the service's start-up), in the order of the
   * occupation group each first belongs to, so that a group's members sit in
   * neighbouring slots: a query reads a group's columns (place, mask, flags…)
   * from a few cache lines and pages instead of one random read per member.
   * Workers that come later take free or new slots as `upsert` gives them
   * (the next start lays them out again). Same index as upserting them one
   * by one in any order, only the slots differ.
   */
  upsertMany(workers: readonly MatchWorker[]): void {
    const keys = new Float64Array(workers.length);
    for (let i = 0; i < workers.length; i += 1) keys[i] = layoutKey(workers[i]!);
    const order = Uint32Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
    // Within a group, in the order its blocks will have (maskOrderKeys): a query reading a group block by block then reads the members' columns in slot order.
    const masks = new Uint32Array(2 * workers.length);
    workers.forEach((w, i) => addSkillBits(w.lists, w.at + w.nOccupations, w.at + w.nOccupations + w.nSkills, masks, 2 * i));
    for (let from = 0; from < order.length; ) {
      let to = from + 1;
      while (to < order.length && keys[order[to]!] === keys[order[from]!]) to += 1;
      if (to - from >= this.layout.from) {
        const members = order.slice(from, to);
        const byMask = maskOrderKeys(members.length, (i) => 2 * members[i]!, masks);
        const within = Uint32Array.from(byMask.keys()).sort((a, b) => byMask[b]! - byMask[a]! || a - b);
        for (let i = 0; i < within.length; i += 1) order[from + i] = members[within[i]!]!;
      }
      from = to;
    }
    for (const i of order) this.upsert(workers[i]!);
  }

  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.unindex(slot);
    this.slots.delete(id);
    this.ids[slot] = undefined;
    this.free.push(slot);
    return true;
  }

  /** The worker in a slot, in a scratch object reused by the next call (copy it to keep it). */
  view(slot: number, out: MatchWorker = this.scratch): MatchWorker {
    const c = this.columns;
    out.id = this.ids[slot] ?? '';
    out.flags = c.flags[slot]!;
    out.birthMonth = c.birthMonth[slot]!;
    out.place = c.place[slot]!;
    out.qualification = c.qualification[slot]!;
    out.experienceTenths = c.experienceTenths[slot]!;
    out.expectedWageK = c.expectedWageK[slot]!;
    out.maxCommuteTenths = c.maxCommuteTenths[slot]!;
    out.priority = c.priority[slot]!;
    out.lists = this.pool.data;
    out.at = c.at[slot]!;
    out.nOccupations = c.counts[slot * 4]!;
    out.nSkills = c.counts[slot * 4 + 1]!;
    out.nCertificates = c.counts[slot * 4 + 2]!;
    out.nLanguages = c.counts[slot * 4 + 3]!;
    return out;
  }

  get(id: string): MatchWorker | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    const w = this.view(slot, emptyWorker());
    const total = w.nOccupations + w.nSkills + w.nCertificates + w.nLanguages;
    return { ...w, lists: w.lists.slice(w.at, w.at + total), at: 0 };
  }

  /** Bytes of the typed arrays and postings (not the id strings and their map). */
  get bytes(): number {
    return this.columns.capacity * this.columns.bytesPerSlot + this.pool.data.byteLength + this.byOccupation.bytes + this.bySkill.bytes + this.byOccupationSkill.bytes + this.byCertificate.bytes + this.byOccupationCertificate.bytes + this.byLanguage.bytes + this.byOccupationLanguage.bytes;
  }

  private index(slot: number): void {
    this.eachOccupation(slot, (occupation) => {
      this.byOccupation.add(occupation, slot, this.columns);
      this.eachByOccupation(slot, occupation, (postings, key) => postings.add(key, slot));
    });
    this.eachList(slot, (postings, key) => postings.add(key, slot));
  }

  private unindex(slot: number): void {
    this.eachOccupation(slot, (occupation) => {
      this.byOccupation.remove(occupation, slot, this.columns);
      this.eachByOccupation(slot, occupation, (postings, key) => postings.remove(key, slot));
    });
    this.eachList(slot, (postings, key) => postings.remove(key, slot));
    const counts = this.columns.counts;
    this.pool.stale += counts[slot * 4]! + counts[slot * 4 + 1]! + counts[slot * 4 + 2]! + counts[slot * 4 + 3]!;
  }

  private eachOccupation(slot: number, visit: (occupation: number) => void): void {
    const n = this.columns.counts[slot * 4]!;
    if (n === 0) visit(OccupationGroups.NO_OCCUPATION);
    const at = this.columns.at[slot]!;
    for (let i = at; i < at + n; i += 1) visit(this.pool.data[i]!);
  }

  /** The (occupation, skill / certificate / language) postings of the worker's lists, for one of their occupations. */
  private eachByOccupation(slot: number, occupation: number, visit: (postings: Postings, key: number) => void): void {
    this.eachList(slot, (postings, key) => {
      if (postings === this.bySkill) visit(this.byOccupationSkill, occupationSkillKey(occupation, key));
      else if (postings === this.byCertificate) visit(this.byOccupationCertificate, occupationSkillKey(occupation, key));
      else if (key !== NATIONAL_LANGUAGE) visit(this.byOccupationLanguage, occupationSkillKey(occupation, key));
    });
  }

  /** Skills, certificates and languages (a language by its code, without the level). */
  private eachList(slot: number, visit: (postings: Postings, key: number) => void): void {
    const counts = this.columns.counts;
    const data = this.pool.data;
    let i = this.columns.at[slot]! + counts[slot * 4]!;
    for (let list = 1; list < 4; list += 1) {
      const postings = this.postingsInListOrder[list - 1]!;
      for (const end = i + counts[slot * 4 + list]!; i < end; i += 1) visit(postings, list === 3 ? data[i]! >> 8 : data[i]!);
    }
  }

  private compact(): void {
    const old = this.pool.data;
    const pool = new ListPool();
    const c = this.columns;
    for (const slot of this.slots.values()) {
      const total = c.counts[slot * 4]! + c.counts[slot * 4 + 1]! + c.counts[slot * 4 + 2]! + c.counts[slot * 4 + 3]!;
      c.at[slot] = pool.append(old, c.at[slot]!, total);
    }
    this.pool.data = pool.data;
    this.pool.end = pool.end;
    this.pool.stale = 0;
  }
}

/** Where a worker is laid out by `upsertMany`: by its first occupation's group (occupation, place, priority or not). */
const layoutKey = (w: MatchWorker): number =>
  ((w.nOccupations === 0 ? OccupationGroups.NO_OCCUPATION : w.lists[w.at]!) + 1) * 2 ** 18 + w.place * 2 + (w.priority !== 0 ? 1 : 0);

/** The id of Vietnamese (ReferenceTables' language ids follow LANGUAGE_CODES): not posted by occupation. */
export const NATIONAL_LANGUAGE = LANGUAGE_CODES.indexOf('vi');

/** The key of (occupation, skill) in `byOccupationSkill`, and of a certificate or language code in the other postings by occupation (NO_OCCUPATION, -1, has keys below 0). */
export const occupationSkillKey = (occupation: number, skill: number): number => occupation * 65536 + skill;
