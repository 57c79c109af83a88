// Scripted policy models: they replay a fixed list of tool calls, then answer.
import type { ChatRequest, Reply } from "../fake-llm.ts";

export interface Step {
  name: string;
  arguments: Record<string, unknown> | string;
}

/** How many replies the model has given in this conversation so far. */
const turn = (r: ChatRequest) => r.messages.filter((m) => m.role === "assistant").length;

/** Native function calling: one tool call per reply, then the answer. */
export function nativeAgent(steps: Step[], answer: string) {
  return (r: ChatRequest): string | Reply => {
    const s = steps[turn(r)];
    if (!s) return answer;
    return { tool_calls: [{ name: s.name, arguments: typeof s.arguments === "string" ? s.arguments : JSON.stringify(s.arguments) }] };
  };
}

/** The reference's meta-tool protocol: list_tools first (unless told not to), then call_tool per step, in <tool_call> text. */
export function metaAgent(steps: Step[], answer: string, options: { skipListTools?: boolean; raw?: string[] } = {}) {
  const replies = [
    ...(options.skipListTools ? [] : ['Let me see the tools.\n<tool_call>{"name": "list_tools", "arguments": {}}</tool_call>']),
    ...(options.raw ?? []),
    ...steps.map(
      (s) => `<think>Next: ${s.name}.</think>\n<tool_call>${JSON.stringify({ name: "call_tool", arguments: { tool_name: s.name, arguments: typeof s.arguments === "string" ? s.arguments : JSON.stringify(s.arguments) } })}</tool_call>`,
    ),
  ];
  return (r: ChatRequest): string => replies[turn(r)] ?? answer;
}

/** Routes each conversation to a scripted agent by the task text of its user message. */
export function byTask(agents: Record<string, (r: ChatRequest) => string | Reply>) {
  return (r: ChatRequest) => {
    const task = r.messages.find((m) => m.role === "user")?.content ?? "";
    const agent = agents[task];
    if (!agent) throw new Error(`no scripted agent for task: ${task}`);
    return agent(r);
  };
}
