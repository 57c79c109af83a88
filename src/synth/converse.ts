import type { ChatMessage } from "./llm.ts";
import type { Answer, ModelClient } from "./model.ts";
import { BadAnswerError } from "./parse.ts";

/** What a check made of one answer: a value, or the problems to send back (with the value, if any, and how good it is). */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[]; value?: T; score?: number };

/** How a conversation ended: the value that passed, else the best failing one (or null). */
export interface Conversation<T> {
  value: T | null;
  passed: boolean;
  attempts: number;
  /** The problems of each failed attempt, joined. */
  errors: string[];
}

/**
 * Asks, checks, and asks again with the concrete problems, up to `attempts` times. The
 * conversation keeps every answer and its problems, so each retry sees what went wrong. A
 * BadAnswerError thrown by the check (unreadable JSON, wrong shape) is such a problem.
 * Returns the first value that passes, or the best failing one (highest score) if any.
 */
export async function converse<T>(
  model: ModelClient,
  attempts: number,
  messages: ChatMessage[],
  check: (answer: Answer) => Promise<Checked<T>>,
  /** Told about each attempt: its problems (none when it passed) and the answer. */
  onAttempt?: (attempt: number, problems: string[], answer: Answer) => void,
): Promise<Conversation<T>> {
  const errors: string[] = [];
  const convo = [...messages];
  let best: { value: T; score: number } | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const answer = await model.chat(convo);
    const r = await check(answer).catch((err: unknown): Checked<T> => {
      if (err instanceof BadAnswerError) return { ok: false, problems: [err.message] };
      throw err;
    });
    onAttempt?.(attempt, r.ok ? [] : r.problems, answer);
    if (r.ok) return { value: r.value, passed: true, attempts: attempt, errors };
    errors.push(r.problems.join("; "));
    if (r.value !== undefined && (!best || (r.score ?? 0) > best.score)) best = { value: r.value, score: r.score ?? 0 };
    convo.push({ role: "assistant", content: answer.text });
    convo.push({
      role: "user",
      content: `Your answer has these problems:\n${r.problems.map((p) => `- ${p}`).join("\n")}\n\nFix them and answer again, in full, in the same format.`,
    });
  }
  return { value: best?.value ?? null, passed: false, attempts, errors };
}
