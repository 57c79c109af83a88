import type { DbDiff, RowUpdate, TableDiff } from "../envkit/diff-types.ts";
import type { Row, SqlReader } from "../envkit/sql.ts";

/** The name the template is attached under while diffing. */
export const BASE = "awm_base";
const ROWID = "__awm_rowid";

/** An empty diff: what an episode that never wrote has. */
export function emptyDiff(): DbDiff {
  return { tables: {}, inserted: 0, updated: 0, deleted: 0 };
}

/**
 * Compares the main database of `db` with the one attached as BASE, table by table,
 * matching rows by primary key (rowid where there is none). The episode file started as
 * a byte copy of the template, so only tables owning a page that differs can have
 * changed; for those, SQLite finds the differing rows (EXCEPT both ways), and only
 * those reach JavaScript.
 */
export function diffAgainstBase(db: SqlReader): DbDiff {
  const diff = emptyDiff();
  const before = tables(db, BASE);
  const after = tables(db, "main");
  const touched = tablesWithChangedPages(db);
  for (const name of [...new Set([...before, ...after])].sort()) {
    const inBoth = before.includes(name) && after.includes(name);
    if (inBoth && !touched.has(name)) continue;
    const t = diffTable(db, name, before.includes(name), after.includes(name));
    if (!t) continue;
    diff.tables[name] = t;
    diff.inserted += t.inserted.length;
    diff.updated += t.updated.length;
    diff.deleted += t.deleted.length;
  }
  return diff;
}

/** Tables (by their own or their indexes' b-trees) owning a page that differs between main and BASE. */
function tablesWithChangedPages(db: SqlReader): Set<string> {
  const side = (a: string, b: string) => `
    SELECT s.tbl_name AS name FROM dbstat('${a}') d JOIN ${a}.sqlite_schema s ON s.name = d.name
    WHERE d.pageno IN (SELECT x.pgno FROM sqlite_dbpage('${a}') x LEFT JOIN sqlite_dbpage('${b}') y ON y.pgno = x.pgno WHERE y.data IS NULL OR y.data != x.data)`;
  const rows = db.all<{ name: string }>(`${side("main", BASE)} UNION ${side(BASE, "main")}`);
  return new Set(rows.map((r) => r.name));
}

function tables(db: SqlReader, schema: string): string[] {
  return db
    .all<{ name: string }>(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .map((r) => r.name);
}

function diffTable(db: SqlReader, name: string, inBase: boolean, inMain: boolean): TableDiff | null {
  const key = primaryKey(db, inMain ? "main" : BASE, name);
  const byRowid = key.length === 0;
  const select = (schema: string) => `SELECT ${byRowid ? `rowid AS ${ROWID}, ` : ""}* FROM ${schema}.${quote(name)}`;
  const added = inMain ? db.all(inBase ? `${select("main")} EXCEPT ${select(BASE)}` : select("main")) : [];
  const removed = inBase ? db.all(inMain ? `${select(BASE)} EXCEPT ${select("main")}` : select(BASE)) : [];
  if (!added.length && !removed.length) return null;
  const keyCols = byRowid ? [ROWID] : key;
  const keyOf = (r: Row) => JSON.stringify(keyCols.map((c) => keyValue(r[c])));
  const old = new Map(removed.map((r) => [keyOf(r), r]));
  const t: TableDiff = { inserted: [], updated: [], deleted: [] };
  for (const row of added) {
    const k = keyOf(row);
    const before = old.get(k);
    if (!before) t.inserted.push(strip(row));
    else {
      old.delete(k);
      t.updated.push(update(before, row, keyCols));
    }
  }
  for (const row of old.values()) t.deleted.push(strip(row));
  return t;
}

/** Primary key columns in key order; empty for a table keyed by rowid. */
function primaryKey(db: SqlReader, schema: string, table: string): string[] {
  return db.all<{ name: string }>(`SELECT name FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk`, table, schema).map((c) => c.name);
}

function update(before: Row, after: Row, key: string[]): RowUpdate {
  const b: Row = {};
  const a: Row = {};
  for (const col of Object.keys(after)) {
    if (col === ROWID || same(before[col], after[col])) continue;
    b[col] = before[col];
    a[col] = after[col];
  }
  const k: Row = {};
  for (const col of key) k[col === ROWID ? "rowid" : col] = after[col];
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
