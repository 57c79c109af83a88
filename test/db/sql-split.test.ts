import { expect, test } from "bun:test";
import { splitSql } from "../../src/db/sql-split.ts";

test("splits at top-level semicolons and reports the line where each statement's code starts", () => {
  const script = "CREATE TABLE a (id INTEGER);\n\n-- a comment; with a semicolon\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2)";
  expect(splitSql(script)).toEqual([
    { sql: "CREATE TABLE a (id INTEGER);".slice(0, -1), line: 1 },
    { sql: "-- a comment; with a semicolon\nINSERT INTO a VALUES (1)", line: 4 },
    { sql: "INSERT INTO a VALUES (2)", line: 5 },
  ]);
});

test("keeps semicolons inside strings, quoted names and block comments", () => {
  const s = splitSql(`INSERT INTO t VALUES ('a;b', 'it''s; fine');\nSELECT "x;y", [p;q], \`r;s\` /* c; d */ FROM t;`);
  expect(s.map((x) => x.sql)).toEqual([`INSERT INTO t VALUES ('a;b', 'it''s; fine')`, `SELECT "x;y", [p;q], \`r;s\` /* c; d */ FROM t`]);
});

test("keeps a trigger body whole", () => {
  const s = splitSql("CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END;\nSELECT 1;");
  expect(s.map((x) => x.sql)).toEqual(["CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END", "SELECT 1"]);
});

test("drops empty and comment-only statements", () => {
  expect(splitSql(";;\n-- only a comment\n/* and another */;")).toEqual([]);
});
