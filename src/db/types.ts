import type { DbDiff } from "../envkit/diff-types.ts";
import type { SqlDatabase, SqlReader } from "../envkit/sql.ts";
import type { SqlConnection } from "./connection.ts";

/** An env's immutable template database, as one worker sees it. */
export interface Template {
  readonly path: string;
  /** A read-only connection shared by every episode on this worker that has not written yet. */
  readonly conn: SqlConnection;
  /** The template file's bytes, read once, to clone from. */
  bytes(): Uint8Array;
  close(): void;
}

/** One episode's database: reads and writes go to its own state, never to the template. */
export interface EpisodeDb extends SqlDatabase {
  /** Where the episode's own copy lives (it may not exist yet). */
  readonly file: string;
  /** Whether the episode has its own copy yet. */
  readonly materialized: boolean;
  /** Opens the transaction that makes one tool call atomic. */
  beginCall(): void;
  /** Commits or rolls back the call's transaction. */
  endCall(commit: boolean): void;
  /** Runs `fn` with read-only access to the current state. */
  read<T>(fn: (state: SqlReader) => T): T;
  /** What changed against the template, by primary key per table. */
  diff(): DbDiff;
  /** The current state as a SQLite file image. */
  bytes(): Uint8Array;
  /** Frees the connection and deletes the episode's copy. */
  close(): void;
}

/** How episode databases are cloned from templates. */
export interface DbBackend {
  readonly name: string;
  /** An episode over `template`; with `existing`, the state is the database file already at `file`. */
  open(template: Template, file: string, existing?: boolean): EpisodeDb;
}
