import * as v from "valibot";
import type { Row, SqlReader, SqlValue } from "./sql.ts";

// List tools paginate (part of the env contract), so every env needs the same id, limit and
// offset inputs and the same page shape. They live here once instead of in each tools.ts.

/** A positive integer id input, described as `what`: every env refers to rows by id. */
export const Id = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.description(what));

/** The `limit` input of a list tool: 1-100, default 20, so one call never floods the agent. */
export const Limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100), v.description("Page size, 1-100 (default 20).")), 20);

/** The `offset` input of a list tool: default 0; the agent pages on with a page's `next_offset`. */
export const Offset = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Number of results to skip, for paging (default 0).")), 0);

/** What a list tool returns: `next_offset` is null on the last page, so the agent knows to stop. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  next_offset: number | null;
}

/**
 * One page of a query. `select` gets `LIMIT ? OFFSET ?` appended; `count` must return the
 * total as a column `n`; both take `params`. `map`, if given, shapes each row.
 */
export function page<T = Row>(db: SqlReader, select: string, count: string, params: SqlValue[], limit: number, offset: number): Page<T>;
export function page<T = Row, U = unknown>(db: SqlReader, select: string, count: string, params: SqlValue[], limit: number, offset: number, map: (row: T) => U): Page<U>;
export function page(db: SqlReader, select: string, count: string, params: SqlValue[], limit: number, offset: number, map?: (row: Row) => unknown): Page<unknown> {
  const total = db.get<{ n: number }>(count, ...params)!.n;
  const rows = db.all(`${select} LIMIT ? OFFSET ?`, ...params, limit, offset);
  const items = map ? rows.map(map) : rows;
  return { items, total, limit, offset, next_offset: offset + items.length < total ? offset + items.length : null };
}
