import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parsePythonLiteral } from "./python-literal.ts";

/** One record of a JSONL file, with its 1-based line number. */
export interface JsonlRecord {
  line: number;
  value: unknown;
}

/** A line that could not be read, or a record that is incomplete. */
export interface ImportProblem {
  file: string;
  line?: number;
  message: string;
}

/**
 * Reads a JSONL file the way a user's real files need: blank lines are skipped, a line
 * that is not JSON but a Python literal is accepted, and a truncated or invalid line is
 * reported with its file and line number and skipped.
 */
export function readJsonl(path: string): { records: JsonlRecord[]; problems: ImportProblem[] } {
  const file = basename(path);
  const records: JsonlRecord[] = [];
  const problems: ImportProblem[] = [];
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    try {
      records.push({ line: i + 1, value: parseJsonOrPython(text) });
    } catch (err) {
      problems.push({ file, line: i + 1, message: `not a JSON object (${(err as Error).message}); line skipped` });
    }
  }
  return { records, problems };
}

/** JSON first; a Python literal (`{'a': True}`) second. Throws the JSON error if both fail. */
function parseJsonOrPython(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (jsonError) {
    try {
      return parsePythonLiteral(text);
    } catch {
      throw jsonError;
    }
  }
}

/** A field that should hold an object or array but holds its JSON or Python-literal text. */
export function liftText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const t = value.trim();
  if (!t.startsWith("{") && !t.startsWith("[")) return value;
  try {
    return parseJsonOrPython(t);
  } catch {
    return value;
  }
}
