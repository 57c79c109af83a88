/** One tool call of a step, as trajectory.json records it. */
export interface TrajectoryToolCall {
  id: string;
  name: string;
  /** The arguments as the model gave them (a string when they were not JSON). */
  arguments: unknown;
}

/** One tool call's answer, as the model read it. */
export interface ToolResponse {
  tool_call_id: string;
  content: string;
  /**
   * How the call went (ours, not the reference's): "ok"; the server's failure kind
   * (unknown_tool, invalid_args, tool_error, tool_exception); the loop's own failures
   * (invalid_json: the call was not run; unknown_function: neither list_tools nor
   * call_tool); or "error" when an MCP server failed the call without naming a kind.
   */
  kind?: string;
}

/** One assistant step, in the reference's trajectory.json shape. */
export interface TrajectoryEntry {
  iteration: number;
  role: "assistant";
  content: string;
  tool_calls: TrajectoryToolCall[];
  /** The (first) response, in the reference's shape. */
  tool_response?: ToolResponse;
  /** Every response when a step made several calls (native protocol). */
  tool_responses?: ToolResponse[];
  is_final?: true;
}

/** A step's responses, one per call, whichever of the two fields holds them. */
export function responsesOf(e: TrajectoryEntry): ToolResponse[] {
  return e.tool_responses ?? (e.tool_response ? [e.tool_response] : []);
}

/** trajectory.json: the reference's fields, plus ours under `awm`. */
export interface Trajectory {
  scenario: string;
  task_id: number | null;
  task: string;
  model: string;
  api_url: string;
  max_iterations: number;
  temperature: number;
  total_iterations: number;
  timestamp: string;
  trajectory: TrajectoryEntry[];
  messages: unknown[];
  awm: {
    protocol: "native" | "meta";
    episode?: string;
    /** The model's final answer (its last message's text). */
    final_answer: string;
    stopped: "answered" | "max_turns" | "model_error";
    error?: string;
  };
}
