import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.ts";
import { IMPORTED_FILES } from "../runtime/env-files.ts";
import { checkTools } from "../synth/check-tools.ts";
import { converse } from "../synth/converse.ts";
import type { ChatMessage } from "../synth/llm.ts";
import type { ModelClient, ModelUsage } from "../synth/model.ts";
import { extractCode } from "../synth/parse.ts";
import systemPrompt from "./port-prompt.md" with { type: "text" };
import type { ToolContract } from "./spec-tools.ts";

export interface PortOptions {
  envDir: string;
  /** The model, with its response cache and usage totals. */
  model: ModelClient;
  maxAttempts: number;
  onAttempt?: (attempt: number, problems: string[]) => void;
}

/** One try: what the model wrote was checked and found wanting, or not. */
export interface PortAttempt {
  attempt: number;
  problems: string[];
  promptTokens: number;
  completionTokens: number;
  /** The answer came from the response cache (and cost nothing). */
  cached: boolean;
}

export interface PortResult {
  ok: boolean;
  attempts: PortAttempt[];
  /** tools.ts when ok, else the best candidate's file. */
  written: string;
  usage: ModelUsage;
}

/**
 * Ports an imported env's Python tools to tools.ts with a chat model: the model gets the
 * contract, the schema and the Python code; its answer is checked (compiles, loads, matches
 * the contract, every tool answers without an internal error); the problems go back to the
 * model, up to maxAttempts (the conversation of `awm gen`). The result and a log
 * (port-log.json) are written beside the env.
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
  const r = await converse(
    o.model,
    o.maxAttempts,
    messages,
    async (answer) => {
      const code = extractCode(answer.text, "defineEnv(");
      if (!code) return { ok: false, problems: ["the answer holds no ```ts code block with tools.ts"] };
      const { problems } = await checkTools(o.envDir, code, contract);
      return problems.length ? { ok: false, problems, value: code, score: -problems.length } : { ok: true, value: code };
    },
    (attempt, problems, answer) => {
      attempts.push({ attempt, problems, promptTokens: answer.promptTokens, completionTokens: answer.completionTokens, cached: answer.cached });
      o.onAttempt?.(attempt, problems);
    },
  );
  const written = join(o.envDir, r.passed ? "tools.ts" : "tools.port-failed.ts");
  writeFileSync(written, r.value ?? "");
  writeFileSync(join(o.envDir, "port-log.json"), JSON.stringify({ model: o.model.model, ok: r.passed, attempts, usage: o.model.usage }, null, 2) + "\n");
  return { ok: r.passed, attempts, written, usage: o.model.usage };
}
