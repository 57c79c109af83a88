import { html } from "hono/html";
import type { ToolInfo } from "../../runtime/env-module.ts";
import type { Html } from "./layout.ts";

type Prop = { type?: string; description?: string; enum?: unknown[]; default?: unknown };
type Schema = { properties?: Record<string, Prop>; required?: string[] };

/** A form for a tool's arguments, generated from its input schema: text, number, choice, or JSON fields. */
export function toolForm(action: string, tool: ToolInfo): Html {
  const schema = tool.inputSchema as Schema;
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, p]) => {
    const label = html`<span>${name}${required.has(name) ? " (required)" : ""}</span>`;
    const hint = html`${p.description ? html` <small class="muted">${p.description}</small>` : ""}${p.default !== undefined ? html` <small class="muted">default ${JSON.stringify(p.default)}</small>` : ""}`;
    const id = `arg.${name}`;
    if (p.enum) return html`<label>${label}<select name="${id}"><option value="">(not set)</option>${p.enum.map((v) => html`<option>${String(v)}</option>`)}</select>${hint}</label>`;
    if (p.type === "boolean") return html`<label>${label}<select name="${id}"><option value="">(not set)</option><option>true</option><option>false</option></select>${hint}</label>`;
    if (p.type === "integer" || p.type === "number") return html`<label>${label}<input type="text" inputmode="decimal" name="${id}" />${hint}</label>`;
    if (p.type === "string") return html`<label>${label}<input type="text" name="${id}" />${hint}</label>`;
    return html`<label>${label}<textarea name="${id}" placeholder="JSON"></textarea>${hint}</label>`;
  });
  return html`<form method="post" action="${action}">
    <input type="hidden" name="tool" value="${tool.name}" />
    <fieldset><legend>${tool.name}</legend>${fields.length ? fields : html`<p class="muted">no arguments</p>`}</fieldset>
    <button type="submit">Call ${tool.name}</button>
  </form>`;
}

/**
 * The arguments a submitted form stands for, typed by the schema. A value that does not
 * parse as its type is passed as text, so the tool's own validation names the field.
 */
export function formArguments(tool: ToolInfo, form: Record<string, string | File | (string | File)[]>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [name, p] of Object.entries((tool.inputSchema as Schema).properties ?? {})) {
    const raw = form[`arg.${name}`];
    if (typeof raw !== "string" || raw === "") continue;
    if (p.type === "integer" || p.type === "number") args[name] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
    else if (p.type === "boolean") args[name] = raw === "true";
    else if (p.type === "string" || p.enum) args[name] = raw;
    else {
      try {
        args[name] = JSON.parse(raw);
      } catch {
        args[name] = raw;
      }
    }
  }
  return args;
}
