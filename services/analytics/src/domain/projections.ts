import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';

/**
 * What analytics keeps of a worker: the latest applied version and the
 * attributes its aggregates group by. No birth date, skills or wages.
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
}

/** A hire: counted in the cell of its vacancy's occupation and commune. No worker id is kept. */
export interface PlacementProjection {
  _id: string;
  version: number;
  vacancyId: string;
  hiredAt: string;
}
