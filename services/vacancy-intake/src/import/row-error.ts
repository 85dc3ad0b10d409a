/** Why one row of an import was refused: the field (column or property) and what is wrong. */
export interface RowError {
  field: string;
  code: string;
  message: string;
}

export const rowError = (field: string, code: string, message: string): RowError => ({ field, code, message });

/** A row turned into what the vacancy schema reads, with the problems found on the way. */
export interface MappedRow {
  row: number;
  terms: Record<string, unknown>;
  externalRef?: string;
  /** An employer named by the row itself (employer_id column, hiringOrganization.taxID). */
  employerId?: string;
  employerTaxCode?: string;
  errors: RowError[];
}
