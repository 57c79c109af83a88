import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.ts";
import type { ChatMessage, Llm } from "../synth/llm.ts";
import { checkTools } from "../synth/check-tools.ts";
import { extractCode } from "../synth/parse.ts";
import { IMPORTED_FILES } from "./import.ts";
import systemPrompt from "./port-prompt.md" with { type: "text" };
import type { ToolContract } from "./spec-tools.ts";

export interface PortOptions {
  envDir: string;
  llm: Llm;
  maxAttempts: number;
  onAttempt?: (attempt: number, problems: string[]) => void;
}

/** One try: what the model wrote was checked and found wanting, or not. */
export interface PortAttempt {
  attempt: number;
  problems: string[];
  promptTokens: number;
  completionTokens: number;
}

export interface PortResult {
  ok: boolean;
  attempts: PortAttempt[];
  /** tools.ts when ok, else the last candidate's file. */
  written: string;
}

/**
 * Ports an imported env's Python tools to tools.ts with a chat model: the model gets the
 * contract, the schema and the Python code; its answer is checked (compiles, loads, matches
 * the contract, every tool answers without an internal error); the problems go back to the
 * model, up to maxAttempts. The result and a log (port-log.json) are written beside the env.
 */
export async function portEnv(o: PortOptions): Promise<PortResult> {
  const read = (file: string) => {
    const path = join(o.envDir, file);
    if (!existsSync(path)) throw new UsageError(`${o.envDir} has no ${file}: is it an imported AWM env?`);
    return readFileSync(path, "utf8");
  };
  const contract = JSON.parse(read(IMPORTED_FILES.tools)) as ToolContract[];
  const messages: ChatMessage[] = [
    { role: "system", content: systemPrompt },
    {
      role: "user",
      content: [
        `Tool contract (JSON):\n${JSON.stringify(contract.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })))}`,
        `Database schema (SQLite):\n${read("schema.sql")}`,
        `Python code of the service:\n${read(IMPORTED_FILES.server)}`,
      ].join("\n\n"),
    },
  ];
  const attempts: PortAttempt[] = [];
  let code = "";
  for (let attempt = 1; attempt <= o.maxAttempts; attempt++) {
    const answer = await o.llm.chat(messages, { temperature: 0.2 });
    code = extractCode(answer.text, "defineEnv(");
    const problems = code ? (await checkTools(o.envDir, code, contract)).problems : ["the answer holds no ```ts code block with tools.ts"];
    attempts.push({ attempt, problems, promptTokens: answer.promptTokens, completionTokens: answer.completionTokens });
    o.onAttempt?.(attempt, problems);
    if (problems.length === 0) break;
    messages.push({ role: "assistant", content: answer.text });
    messages.push({ role: "user", content: `Your tools.ts fails validation:\n${problems.map((p) => `- ${p}`).join("\n")}\n\nAnswer with the whole corrected tools.ts.` });
  }
  const ok = attempts[attempts.length - 1]!.problems.length === 0;
  const written = join(o.envDir, ok ? "tools.ts" : "tools.port-failed.ts");
  writeFileSync(written, code);
  writeFileSync(join(o.envDir, "port-log.json"), JSON.stringify({ model: o.llm.model, ok, attempts }, null, 2) + "\n");
  return { ok, attempts, written };
}
