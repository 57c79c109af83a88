// A synthetic env whose template is about 300 KB (the AWM-1K average), for benchmarks.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const TABLES = 20;
const ROWS = 40;

/** Writes the bench env into `dir` (as `name`) and returns its folder. */
export function writeBenchEnv(dir: string, name = "bench"): string {
  const env = join(dir, name);
  mkdirSync(env, { recursive: true });
  const schema: string[] = [];
  const seed: string[] = [];
  for (let t = 0; t < TABLES; t++) {
    schema.push(`CREATE TABLE t${t} (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('open', 'closed')), amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0), notes TEXT NOT NULL, created_at TEXT NOT NULL);`);
    schema.push(`CREATE INDEX t${t}_owner ON t${t}(owner_id);`);
    for (let r = 1; r <= ROWS; r++) {
      const notes = `row ${r} of table ${t}: ${"lorem ipsum dolor sit amet ".repeat(4)}`;
      seed.push(`INSERT INTO t${t} (id, owner_id, name, status, amount_cents, notes, created_at) VALUES (${r}, ${(r % 5) + 1}, 'item ${t}-${r}', '${r % 3 ? "open" : "closed"}', ${r * 137}, '${notes}', '2026-03-${String((r % 28) + 1).padStart(2, "0")} 10:00:00');`);
    }
  }
  writeFileSync(join(env, "env.json"), JSON.stringify({ name, description: "Synthetic env for benchmarks: 20 tables of 40 rows.", now: "2026-03-16T09:00:00Z" }));
  writeFileSync(join(env, "schema.sql"), schema.join("\n"));
  writeFileSync(join(env, "seed.sql"), seed.join("\n"));
  writeFileSync(join(env, "tasks.json"), JSON.stringify([{ prompt: "Close item 3-7." }]));
  writeFileSync(
    join(env, "tools.ts"),
    `import * as v from "valibot";
import { defineEnv, tool, ToolError } from "awm/envkit";
export default defineEnv({ tools: {
  get_item: tool({ description: "Get one item by table and id.", input: v.object({ table: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(${TABLES - 1})), id: v.pipe(v.number(), v.integer()) }),
    handler: ({ table, id }, ctx) => { const row = ctx.db.get("SELECT * FROM t" + table + " WHERE id = ?", id); if (!row) throw new ToolError("item " + id + " not found"); return row; } }),
  close_item: tool({ description: "Close an item.", input: v.object({ table: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(${TABLES - 1})), id: v.pipe(v.number(), v.integer()) }),
    handler: ({ table, id }, ctx) => { const r = ctx.db.run("UPDATE t" + table + " SET status = 'closed' WHERE id = ?", id); if (!r.changes) throw new ToolError("item " + id + " not found"); return { id, status: "closed" }; } }),
}});
`,
  );
  writeFileSync(
    join(env, "verify.ts"),
    `import { defineVerifiers, grade } from "awm/envkit";
export default defineVerifiers({ 0: (v) => grade({ closed: v.final.get<{ status: string }>("SELECT status FROM t3 WHERE id = 7")?.status === "closed" && v.diff.updated === 1 }) });
`,
  );
  return env;
}
