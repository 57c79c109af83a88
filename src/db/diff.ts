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
  const mainCols = inMain ? columns(db, "main", name) : [];
  const baseCols = inBase ? columns(db, BASE, name) : [];
  const key = (inMain ? mainCols : baseCols).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const byRowid = key.length === 0;
  // Values compare as bytes (COLLATE BINARY): a NOCASE column changed only in case has changed.
  const select = (schema: string, cols: Column[]) =>
    `SELECT ${byRowid ? `rowid AS ${ROWID}, ` : ""}${cols.map((c) => `${quote(c.name)} COLLATE BINARY AS ${quote(c.name)}`).join(", ")} FROM ${schema}.${quote(name)}`;
  // With the same columns on both sides, SQLite finds the differing rows; after a schema
  // change (env code ran ALTER TABLE) every row is read and compared here.
  const sameShape = inMain && inBase && mainCols.map((c) => c.name).join("\0") === baseCols.map((c) => c.name).join("\0");
  const added = inMain ? db.all(sameShape ? `${select("main", mainCols)} EXCEPT ${select(BASE, baseCols)}` : select("main", mainCols)) : [];
  const removed = inBase ? db.all(sameShape ? `${select(BASE, baseCols)} EXCEPT ${select("main", mainCols)}` : select(BASE, baseCols)) : [];
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
      const u = update(before, row, keyCols);
      if (Object.keys(u.before).length || Object.keys(u.after).length) t.updated.push(u);
    }
  }
  for (const row of old.values()) t.deleted.push(strip(row));
  return t.inserted.length || t.updated.length || t.deleted.length ? t : null;
}

interface Column {
  name: string;
  /** 1-based position in the primary key, 0 when not part of it. */
  pk: number;
}

function columns(db: SqlReader, schema: string, table: string): Column[] {
  return db.all<Column>(`SELECT name, pk FROM pragma_table_info(?, ?) ORDER BY cid`, table, schema);
}

function update(before: Row, after: Row, key: string[]): RowUpdate {
  const b: Row = {};
  const a: Row = {};
  for (const col of new Set([...Object.keys(before), ...Object.keys(after)])) {
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
