import { expect, test } from "bun:test";
import { agentModel, verifyModeFlag } from "../../src/cli/agent-flags.ts";

const flags = { "api-url": "http://model.test/v1", model: "policy-1" };

test("the policy client has a time limit per request: 300 s, or --model-timeout-s", () => {
  expect(agentModel(flags, {}).openai.timeout).toBe(300_000);
  expect(agentModel({ ...flags, "model-timeout-s": "20" }, {}).openai.timeout).toBe(20_000);
  expect(() => agentModel({ ...flags, "model-timeout-s": "soon" }, {})).toThrow("--model-timeout-s must be an integer >= 1, got 'soon'");
});

test("a verify mode is one of three, and judge needs a judge", () => {
  expect(verifyModeFlag(undefined, { flag: "mode", judge: false })).toBeUndefined();
  expect(verifyModeFlag("python", { flag: "mode", judge: false })).toBe("python");
  expect(verifyModeFlag("judge", { flag: "mode", judge: true })).toBe("judge");
  expect(() => verifyModeFlag("sql", { flag: "mode", judge: true })).toThrow("--mode must be code, python or judge, got 'sql'");
  expect(() => verifyModeFlag("judge", { flag: "verify-mode", judge: false })).toThrow("--verify-mode judge needs --judge-model NAME");
});
