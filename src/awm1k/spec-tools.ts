import type { ToolInfo } from "../runtime/env-module.ts";

/** One endpoint of gen_spec, as far as tools need it. */
export interface SpecEndpoint {
  path?: string;
  method?: string;
  summary?: string;
  description?: string;
  operation_id?: string;
  request_params?: Record<string, { type?: string; param_type?: string; required?: boolean; description?: string; example?: unknown }>;
  response?: Record<string, unknown>;
}

/** A tool's contract from gen_spec: its MCP shape plus where each parameter went in the HTTP call. */
export interface ToolContract extends ToolInfo {
  method: string;
  path: string;
  paramIn: Record<string, string>;
}

const TYPES: Record<string, string> = { string: "string", integer: "integer", int: "integer", float: "number", number: "number", boolean: "boolean", bool: "boolean", array: "array", list: "array", object: "object", dict: "object" };

/**
 * Tool contracts from gen_spec, the way the reference's MCP server lists them: one tool per
 * (path, method); where two endpoints share one, the later is listed (as fastapi_mcp does).
 * Names are operation ids; parameters are path, query and body params with their types,
 * required flags and descriptions.
 */
export function specTools(endpoints: SpecEndpoint[]): { tools: ToolContract[]; shadowed: string[] } {
  const byRoute = new Map<string, ToolContract>();
  const shadowed: string[] = [];
  for (const e of endpoints) {
    if (!e.operation_id) continue;
    const method = (e.method ?? "GET").toUpperCase();
    const path = e.path ?? `/${e.operation_id}`;
    const properties: Record<string, Record<string, unknown>> = {};
    const required: string[] = [];
    const paramIn: Record<string, string> = {};
    for (const [name, p] of Object.entries(e.request_params ?? {})) {
      const type = TYPES[String(p?.type ?? "string").toLowerCase()] ?? "string";
      properties[name] = {
        type,
        ...(type === "array" ? { items: {} } : {}),
        ...(p?.description ? { description: p.description } : {}),
        ...(p?.example !== undefined ? { examples: [p.example] } : {}),
      };
      if (p?.required) required.push(name);
      paramIn[name] = p?.param_type ?? "body";
    }
    const description = [e.summary, e.description].filter(Boolean).join("\n\n") || `${method} ${path}`;
    const key = `${method} ${path}`;
    const previous = byRoute.get(key);
    if (previous) shadowed.push(`${previous.name} (${key}, listed as ${e.operation_id})`);
    byRoute.set(key, { name: e.operation_id, description, inputSchema: { type: "object", properties, required }, method, path, paramIn });
  }
  const byName = new Map<string, ToolContract>();
  for (const t of byRoute.values()) byName.set(t.name, t);
  return { tools: [...byName.values()], shadowed };
}
