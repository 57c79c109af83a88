import type { ToolInfo } from "../runtime/env-module.ts";
import type { Env } from "../runtime/registry.ts";

/** A tool in OpenAI function-calling format. */
export interface OpenAiTool {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/** Tools as OpenAI `tools` entries, for loops that call the model with native function calling (an env's tools, or an MCP tools/list). */
export function toOpenAiTools(tools: { name: string; description?: string; inputSchema: ToolInfo["inputSchema"] }[]): OpenAiTool[] {
  return tools.map((t) => ({ type: "function", function: { name: t.name, description: t.description ?? "", parameters: t.inputSchema } }));
}

const toolsListCache = new WeakMap<Env, string>();

/** The `tools/list` result of an env as JSON text, serialized once per env. */
export function toolsListJson(env: Env): string {
  let json = toolsListCache.get(env);
  if (!json) {
    json = JSON.stringify({ tools: env.tools });
    toolsListCache.set(env, json);
  }
  return json;
}
