/** One tool call of a step, as trajectory.json records it. */
export interface TrajectoryToolCall {
  id: string;
  name: string;
  /** The arguments as the model gave them (a string when they were not JSON). */
  arguments: unknown;
}

/** One assistant step, in the reference's trajectory.json shape. */
export interface TrajectoryEntry {
  iteration: number;
  role: "assistant";
  content: string;
  tool_calls: TrajectoryToolCall[];
  tool_response?: { tool_call_id: string; content: string };
  /** Every response when a step made several calls (native protocol). */
  tool_responses?: { tool_call_id: string; content: string }[];
  is_final?: true;
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
