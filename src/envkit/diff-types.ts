import type { Row } from "./sql.ts";

/** One updated row: its primary key, and the changed columns before and after. */
export interface RowUpdate {
  key: Row;
  before: Row;
  after: Row;
}

/** Changes to one table. */
export interface TableDiff {
  inserted: Row[];
  updated: RowUpdate[];
  deleted: Row[];
}

/** Changes between two databases, by primary key per table; only changed tables appear. */
export interface DbDiff {
  tables: Record<string, TableDiff>;
  inserted: number;
  updated: number;
  deleted: number;
}
