import { jsonrepair } from "jsonrepair";
import * as v from "valibot";
import { formatIssues } from "../format-issues.ts";

/** A model answer that could not be used, with the reason to send back. */
export class BadAnswerError extends Error {
  override name = "BadAnswerError";
}

/**
 * Reads a JSON answer from a model: the first fenced block or the outermost {...} / [...],
 * repaired when it is almost JSON (trailing commas, single quotes, comments, a cut-off
 * end), then checked against `schema`. Anything else is a BadAnswerError whose message
 * says what was wrong, for the next prompt.
 */
export function parseAnswer<S extends v.GenericSchema>(text: string, schema: S): v.InferOutput<S> {
  const body = jsonBody(text);
  if (!body) throw new BadAnswerError("the answer holds no JSON object or array");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    try {
      data = JSON.parse(jsonrepair(body));
    } catch (err) {
      throw new BadAnswerError(`the answer is not valid JSON and cannot be repaired: ${(err as Error).message}`);
    }
  }
  const r = v.safeParse(schema, data);
  if (!r.success) throw new BadAnswerError(`the JSON does not have the required shape: ${formatIssues(r.issues)}`);
  return r.output;
}

function jsonBody(text: string): string | null {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/i.exec(text);
  if (fenced && /^[\s]*[[{]/.test(fenced[1]!)) return fenced[1]!.trim();
  const start = text.search(/[[{]/);
  if (start < 0) return null;
  const open = text[start]!;
  const end = text.lastIndexOf(open === "{" ? "}" : "]");
  return end > start ? text.slice(start, end + 1) : text.slice(start);
}

/** The first ```ts / ```typescript block of an answer, or the whole answer if it is bare code. */
export function extractCode(text: string, marker: string): string {
  const fenced = /```(?:ts|typescript|tsx)?[^\n]*\n([\s\S]*?)```/i.exec(text);
  if (fenced) return fenced[1]!.trim() + "\n";
  return text.includes(marker) ? text.trim() + "\n" : "";
}
