/** A value SQLite can bind. Booleans are stored as 1/0, undefined as NULL. */
export type SqlValue = string | number | bigint | boolean | null | undefined | Uint8Array;

/** Positional parameters, or one object of named parameters (`:name`, `@name`, `$name`). */
export type SqlParams = SqlValue[] | [Record<string, SqlValue>];

/** One result row, keyed by column name. */
export type Row = Record<string, unknown>;

/** What a write statement reports. */
export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/** Read access to a database: the shape verifiers get for the initial and final state. */
export interface SqlReader {
  /** All rows of a query. */
  all<T = Row>(sql: string, ...params: SqlParams): T[];
  /** The first row of a query, or undefined. */
  get<T = Row>(sql: string, ...params: SqlParams): T | undefined;
}

/** Read and write access to the episode database: the shape tools get as `ctx.db`. */
export interface SqlDatabase extends SqlReader {
  /** Runs a statement that changes data. */
  run(sql: string, ...params: SqlParams): RunResult;
  /** Runs `fn` atomically: everything it wrote is undone if it throws. */
  transaction<T>(fn: () => T): T;
}
