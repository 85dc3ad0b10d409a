import type { ProjectionDocs, ProjectionKind, ProjectionSink } from '../src/use-cases/projections.js';

/** A sink in memory, as the store would keep it (copies, so memory and "disk" never share objects). */
export class MemorySink implements ProjectionSink {
  readonly docs: { [K in ProjectionKind]: Map<string, ProjectionDocs[K]> } = {
    workers: new Map(),
    vacancies: new Map(),
    placements: new Map(),
    matches: new Map(),
    notifications: new Map(),
    employers: new Map(),
  };

  async load<K extends ProjectionKind>(kind: K): Promise<ProjectionDocs[K][]> {
    return [...this.docs[kind].values()].map((doc) => structuredClone(doc));
  }

  async save<K extends ProjectionKind>(kind: K, doc: ProjectionDocs[K]): Promise<void> {
    (this.docs[kind] as Map<string, ProjectionDocs[K]>).set(doc._id, structuredClone(doc));
  }

  /** While set, saving this kind throws this message (the database going away in the middle of a batch). */
  failing?: { kind: ProjectionKind; message: string };

  async saveMany<K extends ProjectionKind>(kind: K, docs: readonly ProjectionDocs[K][], _isNew?: (id: string) => boolean): Promise<void> {
    if (this.failing?.kind === kind) throw new Error(this.failing.message);
    for (const doc of docs) await this.save(kind, doc);
  }
}
