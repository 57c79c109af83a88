// The contract every episode database backend must keep; run once per backend by backends.test.ts.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "libsql";
import { openTemplate } from "../../src/db/template.ts";
import type { DbBackend, Template } from "../../src/db/types.ts";
import { notesTemplate, sha256 } from "../helpers.ts";

export function backendContract(backend: DbBackend): void {
  describe(`episode database backend: ${backend.name}`, () => {
    let fx: Awaited<ReturnType<typeof notesTemplate>>;
    let template: Template;
    let templateHash: string;
    let n = 0;
    const open = () => backend.open(template, join(fx.dir.episodes, `ep${++n}.db`));

    beforeAll(async () => {
      fx = await notesTemplate();
      template = openTemplate(fx.path);
      templateHash = sha256(fx.path);
    });
    afterAll(() => {
      template.close();
      fx.cleanup();
    });

    test("reads the template's rows", () => {
      const db = open();
      expect(db.all("SELECT id, title FROM notes WHERE user_id = ? ORDER BY id", 1)).toEqual([
        { id: 1, title: "Buy milk" },
        { id: 2, title: "Call the bank" },
      ]);
      expect(db.get("SELECT name FROM users WHERE id = :id", { id: 2 })).toEqual({ name: "Brook" });
      expect(db.get("SELECT * FROM notes WHERE id = ?", 999)).toBeUndefined();
      db.close();
    });

    test("writes stay in the episode and never reach the template", () => {
      const a = open();
      const b = open();
      a.beginCall();
      const r = a.run("INSERT INTO notes (user_id, title, created_at) VALUES (?, ?, ?)", 1, "only in a", "2026-03-14 09:00:00");
      a.endCall(true);
      expect(r).toEqual({ changes: 1, lastInsertRowid: 4 });
      expect(a.materialized).toBe(true);
      expect(a.get("SELECT title FROM notes WHERE id = 4")).toEqual({ title: "only in a" });
      expect(b.get("SELECT title FROM notes WHERE id = 4")).toBeUndefined();
      expect(template.conn.get("SELECT count(*) AS n FROM notes")).toEqual({ n: 3 });
      expect(sha256(fx.path)).toBe(templateHash);
      a.close();
      b.close();
    });

    test("a call that ends without commit leaves no trace", () => {
      const db = open();
      db.beginCall();
      db.run("UPDATE notes SET done = 1 WHERE id = 1");
      db.endCall(false);
      expect(db.get("SELECT done FROM notes WHERE id = 1")).toEqual({ done: 0 });
      db.close();
    });

    test("transaction() undoes what its function wrote when it throws", () => {
      const db = open();
      db.beginCall();
      expect(() =>
        db.transaction(() => {
          db.run("DELETE FROM tags");
          throw new Error("abort");
        }),
      ).toThrow("abort");
      db.transaction(() => db.run("UPDATE notes SET title = 'kept' WHERE id = 2"));
      db.endCall(true);
      expect(db.get("SELECT count(*) AS n FROM tags")).toEqual({ n: 1 });
      expect(db.get("SELECT title FROM notes WHERE id = 2")).toEqual({ title: "kept" });
      db.close();
    });

    test("the first write inside a transaction keeps its atomicity", () => {
      const db = open();
      db.beginCall();
      expect(() =>
        db.transaction(() => {
          db.run("INSERT INTO tags (note_id, tag) VALUES (2, 'x')");
          db.run("INSERT INTO tags (note_id, tag) VALUES (999, 'y')"); // foreign key fails
        }),
      ).toThrow(/FOREIGN KEY/);
      db.endCall(true);
      expect(db.get("SELECT count(*) AS n FROM tags")).toEqual({ n: 1 });
      db.close();
    });

    test("enforces constraints and foreign keys", () => {
      const db = open();
      db.beginCall();
      expect(() => db.run("UPDATE notes SET done = 7 WHERE id = 1")).toThrow(/CHECK constraint/);
      expect(() => db.run("INSERT INTO notes (user_id, title, created_at) VALUES (42, 'x', 'now')")).toThrow(/FOREIGN KEY/);
      db.endCall(false);
      db.close();
    });

    test("read() gives the current state and refuses writes", () => {
      const db = open();
      db.beginCall();
      db.run("UPDATE notes SET title = 'changed' WHERE id = 1");
      db.endCall(true);
      // Results come out of read() and are asserted here, so a read() that skipped its callback fails.
      expect(db.read((state) => state.get("SELECT title FROM notes WHERE id = 1"))).toEqual({ title: "changed" });
      const refused = db.read((state) => {
        try {
          (state as unknown as { run(sql: string): void }).run("DELETE FROM notes");
          return null;
        } catch (err) {
          return err;
        }
      });
      expect(refused).toBeInstanceOf(Error);
      expect((refused as Error).message).toContain("readonly database");
      expect(db.read((state) => state.get("SELECT count(*) AS n FROM notes"))).toEqual({ n: 3 });
      db.beginCall();
      db.run("UPDATE notes SET title = 'again' WHERE id = 1");
      db.endCall(true);
      db.close();
    });

    test("bytes() is a SQLite file with the episode's state", () => {
      const db = open();
      db.beginCall();
      db.run("DELETE FROM tags");
      db.endCall(true);
      const path = join(fx.dir.root, `dump-${backend.name}.db`);
      Bun.write(path, db.bytes());
      const copy = new Database(path);
      expect(copy.prepare("SELECT count(*) AS n FROM tags").raw().get([])).toEqual([0]);
      expect(copy.prepare("SELECT count(*) AS n FROM notes").raw().get([])).toEqual([3]);
      copy.close();
      db.close();
    });

    test("the diff against the template names rows by primary key", () => {
      const db = open();
      db.beginCall();
      db.run("UPDATE notes SET done = 1 WHERE id = 1");
      db.run("DELETE FROM tags WHERE note_id = 1");
      db.run("INSERT INTO notes (id, user_id, title, created_at) VALUES (10, 2, 'new', '2026-03-14 09:00:00')");
      db.endCall(true);
      const diff = db.diff();
      expect(diff.inserted).toBe(1);
      expect(diff.updated).toBe(1);
      expect(diff.deleted).toBe(1);
      expect(diff.tables.notes!.updated).toEqual([{ key: { id: 1 }, before: { done: 0 }, after: { done: 1 } }]);
      expect(diff.tables.notes!.inserted[0]).toMatchObject({ id: 10, title: "new" });
      expect(diff.tables.tags!.deleted).toEqual([{ rowid: 1, note_id: 1, tag: "errand" }]);
      db.close();
    });

    test("the diff lists only changed tables, including ones the episode created or dropped", () => {
      const db = open();
      db.beginCall();
      db.run("CREATE TABLE scratch (id INTEGER PRIMARY KEY, v TEXT)");
      db.run("INSERT INTO scratch (v) VALUES ('a'), ('b')");
      db.run("DROP TABLE tags");
      db.endCall(true);
      const diff = db.diff();
      expect(Object.keys(diff.tables)).toEqual(["scratch", "tags"]);
      expect(diff.tables.scratch!.inserted).toEqual([{ id: 1, v: "a" }, { id: 2, v: "b" }]);
      expect(diff.tables.tags!.deleted).toEqual([{ rowid: 1, note_id: 1, tag: "errand" }]);
      db.close();
    });

    test("an episode that wrote nothing has an empty diff", () => {
      const db = open();
      db.beginCall();
      db.run("UPDATE notes SET title = title WHERE id = 1");
      db.endCall(true);
      expect(db.diff()).toEqual({ tables: {}, inserted: 0, updated: 0, deleted: 0 });
      db.close();
    });

    test("close() deletes the episode's file", () => {
      const db = open();
      db.beginCall();
      db.run("DELETE FROM tags");
      db.endCall(true);
      expect(existsSync(db.file)).toBe(true);
      db.close();
      expect(existsSync(db.file)).toBe(false);
    });
  });
}
