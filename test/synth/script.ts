// Scripted model answers for a small notes product, by stage: what a good model would say,
// with a few bad answers first where a test wants the retry path.
import type { GenRunOptions } from "../../src/synth/pipeline.ts";
import type { ChatRequest, Refusal } from "../fake-llm.ts";

/** gen options for the scripted runs: 3 tasks, 2 retries, the seed file as input. */
export function scriptedGenOptions(dir: string, seeds: string, extra: Partial<GenRunOptions> = {}): GenRunOptions {
  return {
    dir,
    now: new Date("2026-03-14T09:00:00Z"),
    numTasks: 3,
    maxRetries: 2,
    concurrency: 2,
    only: [],
    errorThreshold: 0.1,
    quiet: true,
    cache: true,
    scenario: { input: seeds, target: 1, perRequest: 5, similarity: 0.85, maxPerCategory: 80, maxStall: 3, embeddingModel: "embed-1" },
    ...extra,
  };
}

export const SEED = { name: "Jotter Notes", description: "Jotter is a personal notes app: people write notes, tag them, and tick them off when done. Users create notes with titles, list their open notes, and mark notes as done." };
export const TASKS = ['Create a note titled "Water the plants".', "How many of my notes are not done yet? Tell me the number.", "Delete every note I have ever written, please."];

const goodTables = [
  { name: "users", ddl: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", indexes: [] },
  { name: "notes", ddl: "CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)), created_at TEXT NOT NULL)", indexes: ["CREATE INDEX idx_notes_user ON notes(user_id)"] },
];
const badTables = [goodTables[0], { name: "notes", ddl: "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL,", indexes: [] }];

const sample = {
  tables: [
    { table_name: "notes", reasoning: "notes of both users", insert_statements: [
      // A trailing comment must not swallow the statement's end when seed.sql is written.
      "INSERT INTO notes (id, user_id, title, done, created_at) VALUES (1, 1, 'Buy milk', 0, '2026-03-10 08:00:00') -- the first note",
      "INSERT INTO notes (id, user_id, title, done, created_at) VALUES (2, 1, 'Call the bank', 0, '2026-03-11 09:00:00')",
      "INSERT INTO notes (id, user_id, title, done, created_at) VALUES (3, 1, 'File taxes', 1, '2026-03-12 10:00:00')",
      "INSERT INTO notes (id, user_id, title, done, created_at) VALUES (4, 2, 'Brook''s note', 0, '2026-03-12 11:00:00')",
    ] },
    { table_name: "users", reasoning: "the user and another", insert_statements: ["INSERT INTO users (id, name) VALUES (1, 'Ada')", "INSERT INTO users (id, name) VALUES (2, 'Brook')"] },
  ],
  task_checks: [
    { task: 0, sql: "SELECT 1 FROM users WHERE id = 1" },
    { task: 1, sql: "SELECT 1 FROM notes WHERE user_id = 1 AND done = 0" },
    { task: 2, sql: "SELECT 1 FROM notes WHERE user_id = 1" },
  ],
};

const spec = {
  api_groups: [{ group_name: "Notes", endpoints: [
    { operation_id: "list_notes", method: "GET", path: "/api/notes", summary: "List my notes", description: "Lists the user's notes, optionally only open ones.", request_params: { only_open: { type: "boolean", param_type: "query", required: false, description: "Only notes not done", example: true } }, response: {} },
    { operation_id: "create_note", method: "POST", path: "/api/notes", summary: "Create a note", description: "Creates a note for the user.", request_params: { title: { type: "string", param_type: "body", required: true, description: "The title", example: "Pay rent" } }, response: {} },
    { operation_id: "delete_note", method: "DELETE", path: "/api/notes/{note_id}", summary: "Delete a note", description: "Deletes one of the user's notes; fails if it does not exist.", request_params: { note_id: { type: "integer", param_type: "path", required: true, description: "The note", example: 1 } }, response: {} },
  ] }],
};

const tools = `import * as v from "valibot";
import { defineEnv, tool, ToolError } from "awm/envkit";

export default defineEnv({
  tools: {
    list_notes: tool({
      description: "List my notes, optionally only those not done.",
      input: v.object({ only_open: v.optional(v.pipe(v.boolean(), v.description("Only notes not done")), false) }),
      handler: ({ only_open }, ctx) => ctx.db.all("SELECT id, title, done FROM notes WHERE user_id = ? AND (? = 0 OR done = 0) ORDER BY id", ctx.userId, only_open),
    }),
    create_note: tool({
      description: "Create a note.",
      input: v.object({ title: v.pipe(v.string(), v.minLength(1), v.description("The title")) }),
      handler: ({ title }, ctx) => ({ id: ctx.db.run("INSERT INTO notes (user_id, title, created_at) VALUES (?, ?, ?)", ctx.userId, title, ctx.timestamp).lastInsertRowid, title }),
    }),
    delete_note: tool({
      description: "Delete one of my notes.",
      input: v.object({ note_id: v.pipe(v.number(), v.integer(), v.description("The note")) }),
      handler: ({ note_id }, ctx) => {
        if (ctx.db.run("DELETE FROM notes WHERE id = ? AND user_id = ?", note_id, ctx.userId).changes === 0) throw new ToolError(\`note \${note_id} not found\`);
        return { deleted: note_id };
      },
    }),
  },
});
`;

const verifiers: Record<string, unknown> = {
  [TASKS[0]!]: {
    verifier: `(v) => grade({ created: !v.initial.get("SELECT 1 FROM notes WHERE title = 'Water the plants'") && !!v.final.get("SELECT 1 FROM notes WHERE title = 'Water the plants' AND user_id = 1") })`,
    oracle: { calls: [{ name: "create_note", arguments: { title: "Water the plants" } }] },
    wrong: { calls: [{ name: "create_note", arguments: { title: "Water the plant" } }] },
  },
  [TASKS[1]!]: {
    verifier: `(v) => { const n = v.initial.get("SELECT count(*) AS n FROM notes WHERE user_id = 1 AND done = 0").n; return grade({ answered: (v.answer ?? "").includes(String(n)) }, { expected: n }); }`,
    oracle: { calls: [{ name: "list_notes", arguments: { only_open: true } }], answer: "You have 2 open notes." },
    wrong: { calls: [{ name: "list_notes", arguments: {} }], answer: "You have 3 open notes." },
  },
  // Always complete, even untouched: this task cannot pass and is dropped.
  [TASKS[2]!]: { verifier: `(v) => grade({ ok: true })`, oracle: { calls: [] }, wrong: { calls: [] } },
};

// Too lax: the wrong attempt ("Water the plant") passes it too; fixed on the retry.
const laxFirstVerifier = {
  ...(verifiers[TASKS[0]!] as object),
  verifier: `(v) => grade({ created: !v.initial.get("SELECT 1 FROM notes WHERE title LIKE 'Water the plant%'") && !!v.final.get("SELECT 1 FROM notes WHERE title LIKE 'Water the plant%'") })`,
};

/** Which stage a request belongs to, from its system prompt. */
export function stageOf(r: ChatRequest): string {
  const system = r.messages[0]?.content ?? "";
  const stages: [string, string][] = [["You invent software products", "scenario"], ["You write tasks", "task"], ["You design the SQLite database", "db"], ["You write the initial data", "sample"], ["You design the API", "spec"], ["You implement the tools", "env"], ["You write the checker", "verifier"]];
  return stages.find(([p]) => system.startsWith(p))?.[1] ?? "unknown";
}

const isRetry = (r: ChatRequest) => r.messages.length > 2;
const json = (v: unknown) => "```json\n" + JSON.stringify(v, null, 2) + "\n```";

/**
 * The scripted model: the first db answer has a broken table, the first env answer has no
 * code, and the first verifier of task 0 accepts its wrong attempt (each fixed on the
 * retry); the first request of the run gets a 429 when asked.
 */
export function notesModel(options: { first429?: boolean } = {}) {
  let refused = !options.first429;
  return (r: ChatRequest): string | Refusal => {
    if (!refused) {
      refused = true;
      return { status: 429, headers: { "retry-after-ms": "5" } };
    }
    switch (stageOf(r)) {
      case "task":
        return json({ tasks: TASKS });
      case "db":
        return json({ tables: isRetry(r) ? goodTables : badTables });
      case "sample":
        // Almost-JSON: a trailing comma the parser must repair.
        return JSON.stringify(sample).replace(/\]\}$/, "],}");
      case "spec":
        return json(spec);
      case "env":
        return isRetry(r) ? "Here it is:\n```ts\n" + tools + "```" : "I would write the tools like the spec says.";
      case "verifier": {
        const task = r.messages[1]!.content.split("The task:\n")[1]!.trim();
        return json(task === TASKS[0] && !isRetry(r) ? laxFirstVerifier : verifiers[task]);
      }
      default:
        return "?";
    }
  };
}
