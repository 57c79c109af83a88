// Diff cases beyond the backend contract: collations, schema changes, and the statement cache.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { buildTemplate } from "../../src/db/build-template.ts";
import { eagerCopyBackend, lazyCopyBackend } from "../../src/db/copy-on-write.ts";
import { createDataDir, removeDataDir, type DataDir } from "../../src/db/data-dir.ts";
import { openTemplate } from "../../src/db/template.ts";
import type { Template } from "../../src/db/types.ts";

const SCHEMA = `
CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE UNIQUE);
CREATE TABLE labels (name TEXT NOT NULL COLLATE NOCASE);`;
const SEED = `
INSERT INTO folders (id, name) VALUES (1, 'receipts'), (2, 'travel');
INSERT INTO labels (name) VALUES ('red');`;

let dir: DataDir;
let template: Template;
let n = 0;
beforeAll(async () => {
  dir = createDataDir();
  const path = join(dir.templates, "folders.db");
  await buildTemplate(path, SCHEMA, SEED);
  template = openTemplate(path);
});
afterAll(() => {
  template.close();
  removeDataDir(dir);
});

for (const backend of [lazyCopyBackend, eagerCopyBackend]) {
  describe(backend.name, () => {
    const write = (sql: string) => {
      const db = backend.open(template, join(dir.episodes, `ep${++n}.db`));
      db.beginCall();
      db.run(sql);
      db.endCall(true);
      return db;
    };

    test("a change of case in a NOCASE column is a change", () => {
      const db = write("UPDATE folders SET name = 'Receipts' WHERE id = 1");
      expect(db.diff().tables.folders?.updated).toEqual([{ key: { id: 1 }, before: { name: "receipts" }, after: { name: "Receipts" } }]);
      db.close();
      const byRowid = write("UPDATE labels SET name = 'RED'");
      expect(byRowid.diff().tables.labels).toEqual({ inserted: [], updated: [{ key: { rowid: 1 }, before: { name: "red" }, after: { name: "RED" } }], deleted: [] });
      byRowid.close();
    });

    test("after env code adds a column, the diff still answers and shows the new column", () => {
      const db = write("ALTER TABLE folders ADD COLUMN color TEXT");
      db.beginCall();
      db.run("UPDATE folders SET color = 'blue' WHERE id = 2");
      db.endCall(true);
      const diff = db.diff();
      expect(diff.tables.folders?.updated).toContainEqual({ key: { id: 2 }, before: {}, after: { color: "blue" } });
      db.close();
    });
  });
}
