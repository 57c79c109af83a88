import { readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Row, RunResult, SqlParams, SqlReader } from "../envkit/sql.ts";
import type { DbDiff } from "../envkit/diff-types.ts";
import { SqlConnection } from "./connection.ts";
import { BASE, diffAgainstBase, emptyDiff } from "./diff.ts";
import type { DbBackend, EpisodeDb, Template } from "./types.ts";

/**
 * An episode database that reads the shared template until its first write, then
 * writes a private copy of the template file and switches to it. The engine decides
 * what a write is: the template connection is read-only, so a write fails with
 * SQLITE_READONLY before it changes anything, and is re-run on the copy.
 */
class CopyOnWriteDb implements EpisodeDb {
  private own: SqlConnection | null = null;
  private inCall = false;
  private savepoints = 0;

  constructor(
    private readonly template: Template,
    readonly file: string,
  ) {}

  get materialized(): boolean {
    return this.own !== null;
  }

  all<T = Row>(sql: string, ...params: SqlParams): T[] {
    return this.write(() => this.conn().all<T>(sql, ...params));
  }

  get<T = Row>(sql: string, ...params: SqlParams): T | undefined {
    return this.write(() => this.conn().get<T>(sql, ...params));
  }

  run(sql: string, ...params: SqlParams): RunResult {
    return this.write(() => this.conn().run(sql, ...params));
  }

  transaction<T>(fn: () => T): T {
    const name = `awm_sp${++this.savepoints}`;
    this.conn().exec(`SAVEPOINT ${name}`);
    try {
      const result = fn();
      if (result instanceof Promise) throw new Error("ctx.db.transaction() takes a synchronous function");
      this.conn().exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      this.conn().exec(`ROLLBACK TO ${name}`);
      this.conn().exec(`RELEASE ${name}`);
      throw err;
    } finally {
      this.savepoints--;
    }
  }

  beginCall(): void {
    this.inCall = true;
    if (this.own) this.own.exec("BEGIN");
  }

  endCall(commit: boolean): void {
    this.inCall = false;
    this.savepoints = 0;
    const conn = this.conn();
    if (conn.inTransaction) conn.exec(commit || conn === this.template.conn ? "COMMIT" : "ROLLBACK");
  }

  read<T>(fn: (state: SqlReader) => T): T {
    if (!this.own) return fn(this.template.conn);
    this.own.exec("PRAGMA query_only=1");
    try {
      return fn(this.own);
    } finally {
      this.own.exec("PRAGMA query_only=0");
    }
  }

  diff(): DbDiff {
    if (!this.own) return emptyDiff();
    this.own.trusted(`ATTACH ? AS ${BASE}`, `file:${encodeURI(this.template.path)}?mode=ro&immutable=1`);
    try {
      return diffAgainstBase(this.own.oneOff());
    } finally {
      this.own.exec(`DETACH ${BASE}`);
    }
  }

  bytes(): Uint8Array {
    if (!this.own) return this.template.bytes();
    return readFileSync(this.file);
  }

  close(): void {
    if (this.own) {
      this.own.close();
      this.own = null;
      rmSync(this.file, { force: true });
    } else if (this.template.conn.inTransaction) {
      this.template.conn.exec("COMMIT");
    }
  }

  /** Takes the episode's own copy now (the eager backend does this at open), or adopts the file already there. */
  materialize(existing = false): void {
    if (this.own) return;
    const depth = this.savepoints;
    if (this.template.conn.inTransaction) this.template.conn.exec("COMMIT");
    if (!existing) writeFileSync(this.file, this.template.bytes(), { mode: 0o600 });
    this.own = SqlConnection.openEpisode(this.file);
    if (this.inCall) this.own.exec("BEGIN");
    for (let i = 1; i <= depth; i++) this.own.exec(`SAVEPOINT awm_sp${i}`);
  }

  private conn(): SqlConnection {
    return this.own ?? this.template.conn;
  }

  private write<T>(op: () => T): T {
    if (this.own) return op();
    try {
      return op();
    } catch (err) {
      if ((err as { code?: string }).code !== "SQLITE_READONLY") throw err;
      this.materialize();
      return op();
    }
  }
}

/** Clones at the first write: creating an episode is O(1), read-only episodes cost nothing. */
export const lazyCopyBackend: DbBackend = {
  name: "lazy-copy",
  open: (template, file, existing) => {
    const db = new CopyOnWriteDb(template, file);
    if (existing) db.materialize(true);
    return db;
  },
};

/** Clones at open: the baseline the lazy backend is measured against. */
export const eagerCopyBackend: DbBackend = {
  name: "eager-copy",
  open: (template, file, existing) => {
    const db = new CopyOnWriteDb(template, file);
    db.materialize(existing);
    return db;
  },
};
