import { toJsonSchema } from "@valibot/to-json-schema";
import * as valibot from "valibot";
import * as envkit from "../envkit/index.ts";
import type { EnvDefinition, ToolSpec } from "../envkit/define-env.ts";
import type { Verifier } from "../envkit/verifier.ts";

/** An evaluated env bundle. */
export interface EnvModule {
  tools: Record<string, ToolSpec>;
  verifiers: Record<number, Verifier>;
}

/** A tool as MCP lists it. */
export interface ToolInfo {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

/** What loading learns from an env's code. */
export interface EnvInspection {
  tools: ToolInfo[];
  verifiers: number[];
}

const MODULES: Record<string, unknown> = { "awm/envkit": envkit, valibot };

/**
 * Globals env code sees as undefined. Not a security boundary against hostile code (the
 * process or container is); it keeps LLM-written code to its context by default.
 */
const HIDDEN = [
  "process", "Bun", "fetch", "globalThis", "self", "global", "WebSocket", "Worker", "XMLHttpRequest", "EventSource",
  "postMessage", "importScripts", "navigator", "Deno", "__dirname", "__filename",
  // Tools are synchronous: nothing may run after a call returns.
  "setTimeout", "setInterval", "setImmediate", "queueMicrotask",
];

const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Evaluates a bundle made by bundleEnv and checks its exports. Throws an Error naming the problem. */
export function evaluateEnvModule(code: string, name: string): EnvModule {
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string) => {
    if (id in MODULES) return MODULES[id];
    throw new Error(`env code may not import '${id}'`);
  };
  const run = new Function("require", "module", "exports", ...HIDDEN, `"use strict";${code}\n//# sourceURL=awm-env:${name}`);
  run(require, module, module.exports, ...HIDDEN.map(() => undefined));
  const env = module.exports.env as EnvDefinition | undefined;
  const verifiers = module.exports.verifiers as Record<number, Verifier> | undefined;
  if (!env || typeof env !== "object" || typeof env.tools !== "object" || env.tools === null) {
    throw new Error("tools.ts must `export default defineEnv({ tools: { ... } })`");
  }
  if (!verifiers || typeof verifiers !== "object") {
    throw new Error("verify.ts must `export default defineVerifiers({ 0: (v) => ..., ... })`");
  }
  for (const [toolName, spec] of Object.entries(env.tools)) {
    if (!TOOL_NAME.test(toolName)) throw new Error(`tool name '${toolName}' must match ${TOOL_NAME}`);
    if (!spec || typeof spec.description !== "string" || !spec.description.trim()) throw new Error(`tool '${toolName}' has no description`);
    if (typeof spec.handler !== "function") throw new Error(`tool '${toolName}' has no handler`);
    if (!spec.input || (spec.input as { type?: string }).type !== "object" && (spec.input as { type?: string }).type !== "strict_object" && (spec.input as { type?: string }).type !== "loose_object") {
      throw new Error(`tool '${toolName}' input must be a valibot object schema (v.object({...}))`);
    }
  }
  for (const [key, fn] of Object.entries(verifiers)) {
    if (!/^\d+$/.test(key)) throw new Error(`verifier key '${key}' is not a task index`);
    if (typeof fn !== "function") throw new Error(`verifier ${key} is not a function`);
  }
  return { tools: env.tools, verifiers };
}

/** Lists an env's tools with MCP input schemas (JSON Schema from valibot) and its verifier task ids. */
export function inspectEnvModule(mod: EnvModule): EnvInspection {
  const tools = Object.entries(mod.tools).map(([name, spec]) => {
    const { $schema: _ignored, ...schema } = toJsonSchema(spec.input, { errorMode: "ignore" }) as Record<string, unknown>;
    return { name, description: spec.description.trim(), inputSchema: schema };
  });
  const verifiers = Object.keys(mod.verifiers).map(Number).sort((a, b) => a - b);
  return { tools, verifiers };
}
