import type { EmployerSnapshot, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';

/**
 * What analytics keeps of a worker: the latest applied version and the
 * attributes its aggregates group by. No name, contact, wage or experience;
 * the birth month (for age bands) and skill codes are dropped when the worker
 * is erased.
 */
export interface WorkerProjection {
  _id: string;
  version: number;
  /** Erased workers keep counting (the registry had them), with nothing that points back to the person. */
  erased: boolean;
  status: WorkerSnapshot['status'];
  employmentStatus: WorkerSnapshot['employmentStatus'];
  occupations: string[];
  communeCode: string;
  formerDistrictCode?: string;
  qualification: WorkerSnapshot['qualification'];
  gender: WorkerSnapshot['gender'];
  priority: WorkerSnapshot['priority'];
  /** YYYY-MM; dropped on erasure, when `ageBand` (at erasure) stays instead. */
  birthMonth?: string;
  ageBand?: string;
  /** The registration's day in Vietnam (YYYY-MM-DD): the day is all the periods need. */
  registeredDay?: string;
  /** Skill codes (no levels); dropped on erasure. */
  skills?: string[];
}

/** What analytics keeps of a vacancy: the latest applied version and the attributes its aggregates group by. */
export interface VacancyProjection {
  _id: string;
  version: number;
  status: VacancySnapshot['status'];
  occupationCode: string;
  communeCode: string;
  positions: number;
  positionsFilled: number;
  minQualification: VacancySnapshot['terms']['minQualification'];
  fdi: boolean;
  vsicSector: string;
  employerId?: string;
  openedAt?: string;
  /** When it first left the open/paused states (filled, expired, withdrawn). */
  closedAt?: string;
  skills?: string[];
}

/**
 * A hire: counted in the cell of its vacancy's occupation and commune. The
 * worker id is kept only until the worker is erased; then `traits` (priority
 * groups, gender, youth) are frozen in its place.
 */
export interface PlacementProjection {
  _id: string;
  version: number;
  vacancyId: string;
  hiredAt: string;
  workerId?: string;
  traits?: string[];
}

/** A match proposed once (match.proposed, by matchId); the worker id is replaced by `traits` on erasure. */
export interface MatchProjection {
  /** A digest of the matchId (which names the worker). */
  _id: string;
  vacancyId: string;
  proposedAt: string;
  workerId?: string;
  traits?: string[];
}

/** A notification's outcome, by notificationId; no recipient. */
export interface NotificationProjection {
  _id: string;
  recipientKind: 'worker' | 'employer';
  channel: string;
  outcome: 'sent' | 'failed';
  at: string;
}

/** What analytics keeps of an employer: no name or tax code. */
export interface EmployerProjection {
  _id: string;
  version: number;
  fdi: boolean;
  vsicSector: string;
  communeCode: string;
  status: EmployerSnapshot['status'];
}
