import type { Tool } from "@modelcontextprotocol/sdk/types.js";

type Prop = { type?: string; description?: string; default?: unknown; enum?: unknown[]; properties?: Record<string, Prop>; required?: string[]; items?: Prop; anyOf?: Prop[] };

/**
 * The tool list as text, in the reference agent's format (what the Arctic-AWM models saw):
 * a header with the count, then per tool its display name (mcp_tool_mcp_server_NAME), the
 * description (first line after "Description:", each later line stripped and indented,
 * blank lines dropped) and its parameters with type, required flag, description, default
 * and allowed values (printed as Python prints them).
 */
export function renderToolsText(tools: Tool[]): string {
  const lines = [`Available MCP Tools (${tools.length} tools):`, "=".repeat(80), ""];
  tools.forEach((t, i) => {
    lines.push(`${i + 1}. mcp_tool_mcp_server_${t.name}`);
    const desc = (t.description ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
    lines.push(`   Description: ${desc[0] ?? ""}`);
    for (const l of desc.slice(1)) lines.push(`   ${l}`);
    const schema = t.inputSchema as Prop;
    if (Object.keys(schema.properties ?? {}).length) {
      lines.push("   Parameters:");
      params(schema, "      ", lines);
    }
    lines.push("");
  });
  return lines.join("\n");
}

function params(schema: Prop, indent: string, lines: string[]): void {
  const required = new Set(schema.required ?? []);
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    const type = p.type ?? p.anyOf?.find((a) => a.type && a.type !== "null")?.type ?? "any";
    lines.push(`${indent}- ${name}: ${type}${required.has(name) ? " (required)" : ""}`);
    if (p.description) lines.push(`${indent}  Description: ${p.description}`);
    if (p.default !== undefined) lines.push(`${indent}  Default: ${pyStr(p.default)}`);
    if (p.enum) lines.push(`${indent}  Allowed values: ${pyStr(p.enum)}`);
    if (p.properties) params(p, `${indent}  `, lines);
  }
}

/** A JSON value as Python's str() prints it: True/False/None, single-quoted strings in containers. */
function pyStr(v: unknown, nested = false): string {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "string") return nested ? `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'` : v;
  if (Array.isArray(v)) return `[${v.map((x) => pyStr(x, true)).join(", ")}]`;
  if (typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${pyStr(k, true)}: ${pyStr(x, true)}`).join(", ")}}`;
  return String(v);
}
