import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type OpenAI from "openai";
import { renderToolsText } from "./list-tools-text.ts";
import metaPrompt from "./meta-prompt.md" with { type: "text" };
import nativePrompt from "./native-prompt.md" with { type: "text" };
import { bareToolName, callToolArguments, parseToolCalls } from "./tool-calls.ts";
import { CALL_KIND_META } from "../mcp/handler.ts";
import { toOpenAiTools } from "../mcp/tool-formats.ts";
import type { ToolResponse, Trajectory, TrajectoryEntry } from "./trajectory.ts";

/** How the model calls tools: OpenAI function calling, or the reference's two meta-tools in text. */
export type Protocol = "native" | "meta";

export interface AgentOptions {
  openai: OpenAI;
  model: string;
  apiUrl: string;
  mcp: Client;
  task: string;
  protocol: Protocol;
  maxTurns: number;
  temperature: number;
  maxTokens: number;
  /** Recorded in trajectory.json. */
  scenario: string;
  taskId: number | null;
  episode?: string;
}

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/**
 * Runs one task: the model reads the task, calls tools over MCP, and stops when it answers
 * without a call or at max turns. Tool failures are fed back as "Error: ..." text, as the
 * reference does. A model that cannot be reached ends the run; the trajectory says so.
 */
export async function runAgent(o: AgentOptions): Promise<Trajectory> {
  const tools = (await o.mcp.listTools()).tools;
  const messages: Message[] = [
    { role: "system", content: o.protocol === "meta" ? metaPrompt : nativePrompt },
    { role: "user", content: o.task },
  ];
  const t: Trajectory = {
    scenario: o.scenario,
    task_id: o.taskId,
    task: o.task,
    model: o.model,
    api_url: o.apiUrl,
    max_iterations: o.maxTurns,
    temperature: o.temperature,
    total_iterations: 0,
    timestamp: new Date().toISOString(),
    trajectory: [],
    messages,
    awm: { protocol: o.protocol, episode: o.episode, final_answer: "", stopped: "max_turns" },
  };
  const step = o.protocol === "meta" ? metaStep(o, tools, messages) : nativeStep(o, tools, messages);
  for (let turn = 1; turn <= o.maxTurns; turn++) {
    t.total_iterations = turn;
    let entry: TrajectoryEntry;
    try {
      entry = await step(turn);
    } catch (err) {
      t.awm.stopped = "model_error";
      t.awm.error = (err as Error).message;
      break;
    }
    t.trajectory.push(entry);
    if (entry.is_final) {
      t.awm.stopped = "answered";
      break;
    }
  }
  t.awm.final_answer = t.trajectory.at(-1)?.content ?? "";
  return t;
}

function request(o: AgentOptions, messages: Message[], tools?: OpenAI.Chat.Completions.ChatCompletionTool[]) {
  return o.openai.chat.completions.create({
    model: o.model,
    messages,
    temperature: o.temperature,
    max_completion_tokens: o.maxTokens,
    ...(tools ? { tools } : {}),
  });
}

type Answer = Omit<ToolResponse, "tool_call_id">;

/**
 * MCP tools/call: the text the model reads, errors prefixed "Error: " (as the reference
 * agent does), and the kind of failure as the server names it in _meta ("error" when it does not).
 */
async function callTool(mcp: Client, name: string, args: Record<string, unknown>): Promise<Answer> {
  try {
    const r = await mcp.callTool({ name, arguments: args });
    const text = ((r.content as { type: string; text?: string }[]) ?? []).map((c) => c.text ?? "").join("\n");
    if (!r.isError) return { content: text, kind: "ok" };
    const kind = r._meta?.[CALL_KIND_META];
    return { content: `Error: ${text}`, kind: typeof kind === "string" ? kind : "error" };
  } catch (err) {
    return { content: `Error: ${(err as Error).message}`, kind: "error" };
  }
}

/** A failure the loop answers itself, without calling the server. */
const failed = (kind: "invalid_json" | "unknown_function", message: string): Answer => ({ content: `Error: ${message}`, kind });

function nativeStep(o: AgentOptions, tools: Tool[], messages: Message[]) {
  const fns = toOpenAiTools(tools);
  return async (turn: number): Promise<TrajectoryEntry> => {
    const res = await request(o, messages, fns);
    const msg = res.choices[0]?.message;
    if (!msg) throw new Error("the model returned no choice");
    const calls = (msg.tool_calls ?? []).filter((c) => c.type === "function");
    const content = msg.content ?? "";
    messages.push({ role: "assistant", content, ...(calls.length ? { tool_calls: calls } : {}) });
    if (!calls.length) return { iteration: turn, role: "assistant", content, tool_calls: [], is_final: true };
    const entry: TrajectoryEntry = { iteration: turn, role: "assistant", content, tool_calls: [], tool_responses: [] };
    for (const c of calls) {
      const args = callToolArguments(c.function.arguments);
      entry.tool_calls.push({ id: c.id, name: c.function.name, arguments: args ?? c.function.arguments });
      const answer = args === null ? failed("invalid_json", `the arguments of ${c.function.name} are not valid JSON: ${c.function.arguments}`) : await callTool(o.mcp, c.function.name, args);
      messages.push({ role: "tool", tool_call_id: c.id, content: answer.content });
      entry.tool_responses!.push({ tool_call_id: c.id, ...answer });
    }
    entry.tool_response = entry.tool_responses![0];
    return entry;
  };
}

function metaStep(o: AgentOptions, tools: Tool[], messages: Message[]) {
  const listing = renderToolsText(tools);
  return async (turn: number): Promise<TrajectoryEntry> => {
    const res = await request(o, messages);
    const msg = res.choices[0]?.message;
    // No choice is a failed request, as under native: not an empty final answer to verify.
    if (!msg) throw new Error("the model returned no choice");
    const content = msg.content ?? "";
    messages.push({ role: "assistant", content });
    const calls = parseToolCalls(content);
    if (!calls.length) return { iteration: turn, role: "assistant", content, tool_calls: [], is_final: true };
    // Only the first call of a reply runs, as in the reference.
    const call = calls[0]!;
    const id = `call_${Date.now()}_${turn}`;
    let answer: Answer;
    const name = call.name.startsWith("mcp_tool_") ? "call_tool" : call.name;
    if (!call.validJson) answer = failed("invalid_json", "the tool call is not valid JSON");
    else if (name === "list_tools") answer = { content: listing, kind: "ok" };
    else if (name === "call_tool") {
      const a = (call.arguments ?? {}) as { tool_name?: unknown; arguments?: unknown };
      const toolName = bareToolName(String(call.name.startsWith("mcp_tool_") ? call.name : (a.tool_name ?? "")));
      const args = callToolArguments(call.name.startsWith("mcp_tool_") ? call.arguments : a.arguments);
      answer = args === null ? failed("invalid_json", `the arguments of ${toolName} are not valid JSON`) : await callTool(o.mcp, toolName, args);
    } else answer = failed("unknown_function", `unknown function '${call.name}'; use list_tools or call_tool`);
    messages.push({ role: "user", content: `Tool response:\n${answer.content}` });
    return {
      iteration: turn,
      role: "assistant",
      content,
      tool_calls: [{ id, name: call.name, arguments: call.arguments }],
      tool_response: { tool_call_id: id, ...answer },
    };
  };
}
