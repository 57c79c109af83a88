// Format checks read each response's kind, never its wording.
import { expect, test } from "bun:test";
import { formatChecks } from "../../src/agent/format-checks.ts";
import type { Trajectory, TrajectoryEntry } from "../../src/agent/trajectory.ts";

function trajectory(protocol: "native" | "meta", entries: TrajectoryEntry[]): Trajectory {
  return {
    scenario: "s", task_id: 0, task: "t", model: "m", api_url: "", max_iterations: 10, temperature: 1, total_iterations: entries.length, timestamp: "",
    trajectory: entries, messages: [], awm: { protocol, final_answer: "", stopped: "answered" },
  };
}
const step = (iteration: number, name: string, content: string, kind?: string): TrajectoryEntry => ({
  iteration, role: "assistant", content: "", tool_calls: [{ id: `c${iteration}`, name, arguments: {} }], tool_responses: [{ tool_call_id: `c${iteration}`, content, kind }],
});

test("each failure kind raises its flag or counts as an environment error, whatever the message says", () => {
  const r = formatChecks(trajectory("native", [
    step(1, "get_order", "Error: Unknown tool, said the env's own message", "tool_error"),
    step(2, "get_order", "Error: order_id must be a number", "invalid_args"),
    step(3, "nope", "Error: no such thing", "unknown_tool"),
    step(4, "get_order", "Error: bad arguments", "invalid_json"),
    step(5, "get_order", "Error: TypeError: x is undefined", "tool_exception"),
    step(6, "get_order", "Error: something", "error"),
    step(7, "get_order", "Error: looks like an error but the call worked", "ok"),
  ]));
  expect(r.steps.map((s) => [s.flags, s.environment_error])).toEqual([
    [[], true],
    [["invalid_args"], false],
    [["unknown_tool"], false],
    [["invalid_json"], false],
    [[], true],
    [[], true],
    [[], false],
  ]);
  expect(r).toMatchObject({ first_violation: 2, environment_errors: 3, counts: { invalid_args: 1, unknown_tool: 1, invalid_json: 1 } });
});

test("meta protocol: a function that is neither list_tools nor call_tool is an unknown tool", () => {
  const r = formatChecks(trajectory("meta", [step(1, "list_tools", "Available MCP Tools (1 tools):", "ok"), step(2, "mcp_tool_x", "Error: unknown function", "unknown_function")]));
  expect(r.steps.map((s) => s.flags)).toEqual([[], ["unknown_tool", "no_call_after_list_tools"]]);
});
