/** What the judge reads: the task, what the agent did, and what the verifier found in the database. */
export interface JudgeInput {
  task: string;
  /** The agent's trajectory (its messages and tool calls), or the server's log of the episode's calls. */
  trajectory: unknown;
  /** The verifier's output, as the reference passes it: {code_execution_result: ...}. */
  verification: Record<string, unknown>;
}

/** The judge's labels (the reference's), plus judge_error when its answer cannot be read. */
export type JudgeLabel = "complete" | "incomplete" | "server_error" | "agent_error" | "judge_error";

export interface JudgeResult {
  classification: JudgeLabel;
  reasoning: string;
  /** The judge's raw answer, kept for audits. */
  raw: string;
}

/** A judge: the CLI builds one from a model and hands it to the runtime, which never imports a model client. */
export type JudgeFn = (input: JudgeInput) => Promise<JudgeResult>;
