import Database from "libsql";
import type { Row, RunResult, SqlParams, SqlReader, SqlValue } from "../envkit/sql.ts";

type Bound = unknown[] | Record<string, unknown>;

interface Prepared {
  stmt: Database.Statement;
  /** Column names when the statement returns rows (it then runs in raw mode), else null. */
  columns: string[] | null;
}

/** How many prepared statements one connection keeps; env code uses a few dozen distinct ones. */
const STATEMENT_CACHE = 96;

/** Statements env code may not run: they would escape the episode database or break its transaction. */
const FORBIDDEN = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(attach|detach|vacuum|pragma|begin|commit|end|rollback|savepoint|release)\b/i;

/**
 * One libsql connection with a statement cache. Rows come back as plain objects (no libsql
 * metadata), parameters are checked before they reach the driver (a boolean would abort it).
 */
export class SqlConnection implements SqlReader {
  private readonly statements = new Map<string, Prepared>();

  private constructor(private readonly db: Database.Database) {}

  /** Opens a template read-only: it can never be written through this connection. */
  static openTemplate(path: string): SqlConnection {
    const db = new Database(`file:${encodeURI(path)}?mode=ro&immutable=1`);
    return new SqlConnection(db);
  }

  /** Opens an episode database for one writer, fast and without durability: it lives on tmpfs and dies with the episode. */
  static openEpisode(path: string): SqlConnection {
    const db = new Database(path);
    db.exec(
      "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON",
    );
    return new SqlConnection(db);
  }

  all<T = Row>(sql: string, ...params: SqlParams): T[] {
    return allRows(this.prepare(guard(sql)), params) as T[];
  }

  get<T = Row>(sql: string, ...params: SqlParams): T | undefined {
    return oneRow(this.prepare(guard(sql)), params) as T | undefined;
  }

  run(sql: string, ...params: SqlParams): RunResult {
    const p = this.prepare(guard(sql));
    const info = p.stmt.run(bind(params)) as { changes: number; lastInsertRowid: number | bigint };
    return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
  }

  /** Runs trusted SQL (pragmas, transaction control); never reachable from env code. */
  exec(sql: string): void {
    this.db.exec(sql);
  }

  /** Runs one trusted statement with parameters, past the guard (ATTACH of the template). */
  trusted(sql: string, ...params: SqlParams): void {
    this.prepare(sql, false).stmt.run(bind(params));
  }

  /**
   * A reader for the server's own one-off queries (the diff): its statements skip the cache,
   * so they never push out the statements env code runs on every call.
   */
  oneOff(): SqlReader {
    return {
      all: <T = Row>(sql: string, ...params: SqlParams) => allRows(this.prepare(sql, false), params) as T[],
      get: <T = Row>(sql: string, ...params: SqlParams) => oneRow(this.prepare(sql, false), params) as T | undefined,
    };
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  private prepare(sql: string, cache = true): Prepared {
    const hit = this.statements.get(sql);
    if (hit) return hit;
    const stmt = this.db.prepare(sql);
    const columns = stmt.reader ? stmt.columns().map((c) => c.name) : null;
    if (columns) stmt.raw(true);
    const prepared = { stmt, columns };
    if (!cache) return prepared;
    if (this.statements.size >= STATEMENT_CACHE) {
      this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, prepared);
    return prepared;
  }
}

function allRows(p: Prepared, params: SqlParams): Row[] {
  const bound = bind(params);
  if (!p.columns) {
    p.stmt.run(bound);
    return [];
  }
  return (p.stmt.all(bound) as unknown[][]).map((r) => toRow(p.columns!, r));
}

function oneRow(p: Prepared, params: SqlParams): Row | undefined {
  const bound = bind(params);
  if (!p.columns) {
    p.stmt.run(bound);
    return undefined;
  }
  const r = p.stmt.get(bound) as unknown[] | undefined;
  return r ? toRow(p.columns, r) : undefined;
}

function guard(sql: string): string {
  if (typeof sql !== "string") throw new TypeError("SQL must be a string");
  const m = FORBIDDEN.exec(sql);
  if (m) {
    const word = m[1]!.toUpperCase();
    const hint = word === "ATTACH" || word === "DETACH" || word === "VACUUM" || word === "PRAGMA"
      ? "env code may only use its own database"
      : "use ctx.db.transaction() instead";
    throw new Error(`${word} statements are not allowed here: ${hint}`);
  }
  return sql;
}

function toRow(columns: string[], values: unknown[]): Row {
  const row: Row = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
  return row;
}

/** Checks parameters and converts them to what the driver accepts. */
function bind(params: SqlParams): Bound {
  if (params.length === 1 && isPlainObject(params[0])) {
    const named: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(params[0])) named[k] = value(v, `:${k}`);
    return named;
  }
  const out = new Array(params.length);
  for (let i = 0; i < params.length; i++) out[i] = value(params[i] as SqlValue, `${i + 1}`);
  return out;
}

function value(v: unknown, where: string): unknown {
  switch (typeof v) {
    case "string":
    case "number":
    case "bigint":
      return v;
    case "boolean":
      return v ? 1 : 0;
    case "undefined":
      return null;
    case "object":
      if (v === null || v instanceof Uint8Array) return v;
  }
  const kind = v === null ? "null" : Array.isArray(v) ? "array" : v instanceof Date ? "Date" : typeof v;
  throw new TypeError(`SQL parameter ${where} is ${kind === "object" ? "an object" : `a ${kind}`}: bind a string, number, bigint, boolean, null or bytes`);
}

function isPlainObject(v: unknown): v is Record<string, SqlValue> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
