import type { DbDiff, RowUpdate, TableDiff } from "../envkit/diff-types.ts";
import type { Row, SqlReader } from "../envkit/sql.ts";

/** Compares two databases table by table, matching rows by primary key (rowid where there is none). */
export function diffDatabases(initial: SqlReader, final: SqlReader): DbDiff {
  const diff: DbDiff = { tables: {}, inserted: 0, updated: 0, deleted: 0 };
  const before = tables(initial);
  const after = tables(final);
  for (const name of new Set([...before, ...after])) {
    const t = diffTable(name, before.includes(name) ? initial : null, after.includes(name) ? final : null);
    if (!t) continue;
    diff.tables[name] = t;
    diff.inserted += t.inserted.length;
    diff.updated += t.updated.length;
    diff.deleted += t.deleted.length;
  }
  return diff;
}

function tables(db: SqlReader): string[] {
  return db
    .all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .map((r) => r.name);
}

function diffTable(name: string, initial: SqlReader | null, final: SqlReader | null): TableDiff | null {
  const keyColumns = primaryKey(final ?? initial!, name);
  const read = (db: SqlReader | null) => (db ? readRows(db, name, keyColumns) : new Map<string, Row>());
  const a = read(initial);
  const b = read(final);
  const t: TableDiff = { inserted: [], updated: [], deleted: [] };
  for (const [k, row] of b) {
    const old = a.get(k);
    if (!old) t.inserted.push(strip(row));
    else {
      const u = compare(old, row, keyColumns);
      if (u) t.updated.push(u);
    }
  }
  for (const [k, row] of a) if (!b.has(k)) t.deleted.push(strip(row));
  return t.inserted.length || t.updated.length || t.deleted.length ? t : null;
}

/** Primary key columns in key order, or ["rowid"] for a table without one. */
function primaryKey(db: SqlReader, table: string): string[] {
  const cols = db.all<{ name: string }>("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table);
  return cols.length ? cols.map((c) => c.name) : ["rowid"];
}

const ROWID = "__awm_rowid";

function readRows(db: SqlReader, table: string, key: string[]): Map<string, Row> {
  const q = quote(table);
  const rows = key[0] === "rowid" && key.length === 1
    ? db.all(`SELECT rowid AS ${ROWID}, * FROM ${q}`)
    : db.all(`SELECT * FROM ${q}`);
  const cols = key[0] === "rowid" && key.length === 1 ? [ROWID] : key;
  const out = new Map<string, Row>();
  for (const r of rows) out.set(JSON.stringify(cols.map((c) => keyValue(r[c]))), r);
  return out;
}

function compare(before: Row, after: Row, key: string[]): RowUpdate | null {
  const b: Row = {};
  const a: Row = {};
  let changed = false;
  for (const col of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (col === ROWID || same(before[col], after[col])) continue;
    b[col] = before[col];
    a[col] = after[col];
    changed = true;
  }
  if (!changed) return null;
  const k: Row = {};
  for (const col of key) k[col] = col === "rowid" ? after[ROWID] : after[col];
  return { key: k, before: b, after: a };
}

function strip(row: Row): Row {
  if (!(ROWID in row)) return row;
  const { [ROWID]: rowid, ...rest } = row;
  return { rowid, ...rest };
}

function same(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (x instanceof Uint8Array && y instanceof Uint8Array) return Buffer.compare(x, y) === 0;
  return false;
}

function keyValue(v: unknown): unknown {
  return v instanceof Uint8Array ? Buffer.from(v).toString("base64") : typeof v === "bigint" ? String(v) : v;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
