import { responsesOf, type Trajectory } from "./trajectory.ts";

/** A step-level format error (the paper's reward -1, rollout stopped there). */
export type FormatFlag = "unknown_tool" | "invalid_json" | "invalid_args" | "list_tools_not_first" | "list_tools_repeated" | "empty_reasoning" | "no_call_after_list_tools";

export interface StepCheck {
  iteration: number;
  flags: FormatFlag[];
  /** A tool call answered with an error that is not the agent's format fault (the paper's environment error: reward 0, stop). */
  environment_error: boolean;
}

export interface FormatReport {
  steps: StepCheck[];
  /** The first step with a format flag: where a trainer applies -1 and stops the rollout. */
  first_violation: number | null;
  counts: Partial<Record<FormatFlag, number>>;
  environment_errors: number;
}

const META = new Set(["list_tools", "call_tool"]);

/** The format flag a response's kind raises, if any (see ToolResponse.kind). */
const KIND_FLAGS: Record<string, FormatFlag> = { invalid_json: "invalid_json", unknown_tool: "unknown_tool", unknown_function: "unknown_tool", invalid_args: "invalid_args" };

/**
 * Checks a trajectory step by step for the format errors the paper's step-level reward
 * penalizes: calling a tool that does not exist, arguments that are not JSON or do not fit
 * the tool's schema, list_tools not called first and only once (meta-tool protocol), an
 * empty reasoning block (when reasoning is required), and (meta-tool protocol) no
 * successful call after list_tools in a multi-turn run. It reads each response's kind,
 * never its text; any other failure (a tool error, or a server that names no kind) is an
 * environment error.
 */
export function formatChecks(t: Trajectory, options: { requireReasoning?: boolean } = {}): FormatReport {
  const meta = t.awm.protocol === "meta";
  const steps: StepCheck[] = [];
  let listed = 0;
  let succeededAfterList = false;
  for (const [i, e] of t.trajectory.entries()) {
    const flags = new Set<FormatFlag>();
    let environmentError = false;
    if (options.requireReasoning && !/<think>\s*\S[\s\S]*?<\/think>/.test(e.content)) flags.add("empty_reasoning");
    const responses = responsesOf(e);
    for (const [n, call] of e.tool_calls.entries()) {
      const kind = responses[n]?.kind ?? "ok";
      const name = call.name;
      if (meta) {
        if (name === "list_tools") {
          listed++;
          if (listed > 1) flags.add("list_tools_repeated");
        } else if (i === 0) flags.add("list_tools_not_first");
        if (!META.has(name) && !name.startsWith("mcp_tool_")) flags.add("unknown_tool");
      }
      const flag = KIND_FLAGS[kind];
      if (flag) flags.add(flag);
      if (kind !== "ok" && flags.size === 0) environmentError = true;
      if (kind === "ok" && name !== "list_tools" && (!meta || listed > 0)) succeededAfterList = true;
    }
    steps.push({ iteration: e.iteration, flags: [...flags], environment_error: environmentError });
  }
  const last = steps.at(-1);
  if (meta && last && steps.length > 1 && !succeededAfterList) last.flags.push("no_call_after_list_tools");
  const counts: Partial<Record<FormatFlag, number>> = {};
  for (const s of steps) for (const f of s.flags) counts[f] = (counts[f] ?? 0) + 1;
  return {
    steps,
    first_violation: steps.find((s) => s.flags.length > 0)?.iteration ?? null,
    counts,
    environment_errors: steps.filter((s) => s.environment_error).length,
  };
}
