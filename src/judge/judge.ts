import * as v from "valibot";
import type { Llm } from "../synth/llm.ts";
import { BadAnswerError, parseAnswer } from "../synth/parse.ts";
import type { JudgeFn, JudgeLabel } from "../verify/judge-types.ts";
import systemPrompt from "./judge.md" with { type: "text" };

const LABELS = ["complete", "incomplete", "server_error", "agent_error"] as const;
const Answer = v.object({ classification: v.string(), reasoning: v.optional(v.string(), "") });

/**
 * The code-augmented LLM judge (AWM's recommended "sql" mode): the verifier's facts and the
 * trajectory go to a model, which labels the run. An answer that is not JSON with one of
 * the four labels, or no answer at all, is judge_error: never a silent pass.
 */
export function createJudge(llm: Llm): JudgeFn {
  return async ({ task, trajectory, verification }) => {
    const user = `task_json:\n${JSON.stringify({ user_task: task, trajectory })}\n\nverification_json:\n${JSON.stringify(verification)}`;
    let raw = "";
    try {
      raw = (await llm.chat([{ role: "system", content: systemPrompt }, { role: "user", content: user }], { maxTokens: 4096 })).text;
      const a = parseAnswer(raw, Answer);
      const label = a.classification.trim().toLowerCase();
      if (!(LABELS as readonly string[]).includes(label)) return { classification: "judge_error", reasoning: `the judge answered an unknown label '${a.classification}'`, raw };
      return { classification: label as JudgeLabel, reasoning: a.reasoning, raw };
    } catch (err) {
      const why = err instanceof BadAnswerError ? `the judge's answer could not be read: ${err.message}` : `the judge could not be asked: ${(err as Error).message}`;
      return { classification: "judge_error", reasoning: why, raw };
    }
  };
}
