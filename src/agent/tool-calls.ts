import { jsonrepair } from "jsonrepair";

/** A call the model wrote as <tool_call>{...}</tool_call> text (the meta-tool protocol). */
export interface TextToolCall {
  name: string;
  /** The arguments object, or the raw text when it was not JSON. */
  arguments: unknown;
  /** False when the block or its arguments could not be read as JSON. */
  validJson: boolean;
}

/**
 * Every <tool_call>...</tool_call> block of a reply: JSON, a one-element list unwrapped.
 * A block that is only almost JSON is repaired just to recover the name the model meant
 * (so the format checks flag invalid_json, not also an unknown tool); it keeps validJson
 * false, and the loop answers it as invalid JSON without running it (the reference runs
 * repaired calls; a format error is the stricter reading, the paper's rule 3). A block
 * that cannot be read at all still counts (name "") with validJson false.
 */
export function parseToolCalls(text: string): TextToolCall[] {
  const out: TextToolCall[] = [];
  for (const m of text.matchAll(/<tool_call>\s*([\s\S]*?)\s*<\/tool_call>/g)) {
    let value: unknown;
    let validJson = true;
    try {
      value = JSON.parse(m[1]!);
    } catch {
      validJson = false;
      try {
        value = JSON.parse(jsonrepair(m[1]!));
      } catch {
        out.push({ name: "", arguments: m[1], validJson: false });
        continue;
      }
    }
    if (Array.isArray(value) && value.length === 1) value = value[0];
    const call = (value ?? {}) as { name?: unknown; arguments?: unknown };
    out.push({ name: typeof call.name === "string" ? call.name : "", arguments: call.arguments ?? {}, validJson });
  }
  return out;
}

/** call_tool's `arguments`, given as an object or a JSON string; null when the string is not JSON. */
export function callToolArguments(value: unknown): Record<string, unknown> | null {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== "string") return value === undefined ? {} : null;
  if (!value.trim()) return {};
  try {
    const parsed = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** A tool name as models write it under the meta protocol: mcp_tool_ and mcp_server_ prefixes removed. */
export function bareToolName(name: string): string {
  return name.replace(/^mcp_tool_/, "").replace(/^mcp_server_/, "");
}
