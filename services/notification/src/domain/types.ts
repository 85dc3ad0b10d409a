/** The channels a worker can be reached through, in the order they are tried. */
export const workerChannels = ['in-app', 'sms', 'email'] as const;
export type WorkerChannel = (typeof workerChannels)[number];

export type Language = 'vi' | 'en';

/** What the notification service keeps of a worker's contact (projection of worker-contacts.v1). */
export interface Contact {
  workerId: string;
  version: number;
  phone?: string | undefined;
  email?: string | undefined;
  language: Language;
  channels: { sms: boolean; email: boolean; inApp: boolean };
  consent: boolean;
  erased: boolean;
}

/** Enough of a vacancy and its employer to describe the job in a message. */
export interface JobSummary {
  vacancyId: string;
  title: string;
  employerName: string;
  wageMinVnd: number;
  wageMaxVnd: number;
  wagePeriod: 'month' | 'hour';
  communeCode: string;
  /** The commune's name from the reference lists, when known. */
  placeName?: string | undefined;
  placeKind?: 'ward' | 'commune' | undefined;
  deadline: string;
}
