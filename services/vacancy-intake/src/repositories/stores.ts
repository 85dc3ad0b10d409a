import { VersionedStore } from '@ketnoi/service-kit';
import type { Connection } from 'mongoose';
import type { CandidacyState } from '../domain/candidacy.js';
import type { ClientState } from '../domain/client.js';
import type { EmployerState } from '../domain/employer.js';
import type { VacancyState } from '../domain/vacancy.js';
import { candidacyHeads, clientHeads, employerHeads, vacancyHeads } from './head-schemas.js';
import { claimModel, type ClaimModel } from './claims.js';

/** Everything this service stores: aggregates as versions + heads, and unique claims. */
export interface Stores {
  employers: VersionedStore<EmployerState>;
  clients: VersionedStore<ClientState>;
  vacancies: VersionedStore<VacancyState>;
  candidacies: VersionedStore<CandidacyState>;
  /** One employer per tax code. */
  taxCodes: ClaimModel;
  /** One vacancy per (source, external reference). */
  externalRefs: ClaimModel;
  /** Workers erased (worker.erased): never hired or assessed again. */
  erasedWorkers: ClaimModel;
}

export async function openStores(connection: Connection): Promise<Stores> {
  const stores: Stores = {
    employers: new VersionedStore<EmployerState>({ connection, name: 'employers', headSchema: employerHeads() }),
    clients: new VersionedStore<ClientState>({ connection, name: 'clients', headSchema: clientHeads() }),
    vacancies: new VersionedStore<VacancyState>({ connection, name: 'vacancies', headSchema: vacancyHeads() }),
    candidacies: new VersionedStore<CandidacyState>({ connection, name: 'candidacies', headSchema: candidacyHeads() }),
    taxCodes: claimModel(connection, 'employer_tax_codes'),
    externalRefs: claimModel(connection, 'vacancy_external_refs'),
    erasedWorkers: claimModel(connection, 'erased_workers'),
  };
  await Promise.all([
    stores.employers.init(),
    stores.clients.init(),
    stores.vacancies.init(),
    stores.candidacies.init(),
    stores.taxCodes.init(),
    stores.externalRefs.init(),
    stores.erasedWorkers.init(),
  ]);
  return stores;
}
