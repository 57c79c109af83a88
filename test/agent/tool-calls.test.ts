import { expect, test } from "bun:test";
import { parseToolCalls } from "../../src/agent/tool-calls.ts";

test("reads every <tool_call> block, unwrapping a one-element list", () => {
  expect(parseToolCalls('a <tool_call>{"name": "list_tools", "arguments": {}}</tool_call> b <tool_call>[{"name": "call_tool", "arguments": {"tool_name": "x"}}]</tool_call>')).toEqual([
    { name: "list_tools", arguments: {}, validJson: true },
    { name: "call_tool", arguments: { tool_name: "x" }, validJson: true },
  ]);
});

test("an almost-JSON block keeps the name it meant but is not valid JSON; garbage has no name", () => {
  expect(parseToolCalls("<tool_call>{'name': 'call_tool', 'arguments': {'tool_name': 'x',}}</tool_call>")).toEqual([{ name: "call_tool", arguments: { tool_name: "x" }, validJson: false }]);
  expect(parseToolCalls("<tool_call>{{{</tool_call>")).toEqual([{ name: "", arguments: "{{{", validJson: false }]);
});
