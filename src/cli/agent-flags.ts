import { UsageError } from "../errors.ts";
import type { AgentModel } from "../agent/run-task.ts";
import { serverClient, type ServerClient } from "../agent/server-client.ts";
import { startServer } from "../http/server.ts";
import { createJudge } from "../judge/judge.ts";
import type { VerifyMode } from "../runtime/verification.ts";
import { createLlm, llmConfig, openAiClient } from "../synth/llm.ts";
import type { JudgeFn } from "../verify/judge-types.ts";
import { intFlag } from "./command.ts";
import { envFlags, runtimeOptions } from "./env-flags.ts";

/** Flags of the commands that run a policy model. */
export const modelFlags = {
  "api-url": { type: "string" },
  model: { type: "string" },
  protocol: { type: "string" },
  temperature: { type: "string" },
  "max-tokens": { type: "string" },
  "max-turns": { type: "string" },
  "model-timeout-s": { type: "string" },
  "require-reasoning": { type: "boolean" },
} as const;

export const modelFlagsUsage = `  --api-url URL          the model's OpenAI-compatible base URL (default OPENAI_BASE_URL)
  --model NAME           the model (required)
  --protocol P           native (OpenAI function calling, default) or meta (the reference's
                         list_tools / call_tool with <tool_call> text, as Arctic-AWM models use)
  --temperature T        sampling temperature (default 1.0)
  --max-tokens N         tokens per reply (default 2048)
  --max-turns N          replies before stopping (default 30)
  --model-timeout-s S    seconds one model request may take, per attempt (default 300;
                         up to 3 retries)
  --require-reasoning    flag replies without a non-empty <think> block
`;

/**
 * The policy model from flags and the environment (OPENAI_API_KEY, "EMPTY" when unset, as the
 * reference does). A request has a time limit: the SDK's default (10 minutes, 3 retries) would
 * let one hung endpoint hold a rollout step for most of an hour.
 */
export function agentModel(values: Record<string, unknown>, env: Record<string, string | undefined>): AgentModel {
  const apiUrl = (values["api-url"] as string | undefined) ?? env.OPENAI_BASE_URL;
  if (!apiUrl) throw new UsageError("no model endpoint: pass --api-url URL or set OPENAI_BASE_URL");
  const model = values.model as string | undefined;
  if (!model) throw new UsageError("--model NAME is required");
  const protocol = (values.protocol as string | undefined) ?? "native";
  if (protocol !== "native" && protocol !== "meta") throw new UsageError(`--protocol must be native or meta, got '${protocol}'`);
  const temperature = values.temperature === undefined ? 1 : Number(values.temperature);
  if (!Number.isFinite(temperature)) throw new UsageError(`--temperature must be a number, got '${values.temperature}'`);
  return {
    openai: openAiClient({ provider: "openai", apiKey: env.OPENAI_API_KEY || "EMPTY", baseURL: apiUrl, maxRetries: 3, timeoutMs: intFlag(values["model-timeout-s"] as string | undefined, "model-timeout-s", 300, 1) * 1000 }),
    model,
    apiUrl,
    protocol,
    temperature,
    maxTokens: intFlag(values["max-tokens"] as string | undefined, "max-tokens", 2048, 1),
    maxTurns: intFlag(values["max-turns"] as string | undefined, "max-turns", 30, 1),
    requireReasoning: values["require-reasoning"] === true,
  };
}

/** Flags of the commands that can judge. */
export const judgeFlags = { "judge-model": { type: "string" } } as const;
export const judgeFlagsUsage = `  --judge-model NAME     the judge for verify mode "judge" (OPENAI_API_KEY, OPENAI_BASE_URL,
                         AWM_SYN_OVERRIDE_MODEL and the Azure variables, as for gen)
`;

/** The judge, when --judge-model is given. */
export function judgeFrom(values: Record<string, unknown>, env: Record<string, string | undefined>): JudgeFn | undefined {
  const model = values["judge-model"] as string | undefined;
  if (!model) return undefined;
  return createJudge(createLlm(llmConfig(env, { model })));
}

const VERIFY_MODES: readonly VerifyMode[] = ["code", "python", "judge"];

/**
 * A verify mode flag, checked before any work starts: a typo, or judge with no judge model
 * (`judge` false: a server started here without --judge-model), fails now, not after the
 * model has run.
 */
export function verifyModeFlag(value: string | undefined, o: { flag: string; judge: boolean }): VerifyMode | undefined {
  if (value === undefined) return undefined;
  if (!(VERIFY_MODES as readonly string[]).includes(value)) throw new UsageError(`--${o.flag} must be code, python or judge, got '${value}'`);
  if (value === "judge" && !o.judge) throw new UsageError(`--${o.flag} judge needs --judge-model NAME`);
  return value as VerifyMode;
}

/** Flags of the commands that run tasks on an awm server: a running one, or one started here. */
export const serverFlags = {
  server: { type: "string" },
  token: { type: "string" },
  "verify-mode": { type: "string" },
} as const;

export const serverFlagsUsage = `  --server URL           a running awm server to use instead of starting one here
  --token TOKEN          that server's bearer token (default AWM_TOKEN)
  --verify-mode M        code, python or judge (default: the env's verifier)
`;

/** The server a command runs tasks on, and the verify mode asked for. */
export interface AgentServer {
  client: ServerClient;
  verifyMode?: VerifyMode;
}

/**
 * Runs `fn` against --server, or against a server started here on the env and judge flags
 * (`workers` tool workers unless --workers says otherwise; only the envs named in `only`,
 * when given), stopped afterwards. The verify mode is checked first; env and judge flags
 * given with --server are an error, not ignored.
 */
export async function withAgentServer<T>(values: Record<string, unknown>, env: Record<string, string | undefined>, o: { workers: number; only?: string[] }, fn: (s: AgentServer) => Promise<T>): Promise<T> {
  const remote = values.server as string | undefined;
  const verifyMode = verifyModeFlag(values["verify-mode"] as string | undefined, { flag: "verify-mode", judge: !!(remote || values["judge-model"]) });
  if (remote) {
    const ignored = [...Object.keys(envFlags), ...Object.keys(judgeFlags)].find((k) => values[k] !== undefined);
    if (ignored) throw new UsageError(`--${ignored} has no effect with --server: that server has its own envs and judge`);
    return fn({ client: serverClient(remote, (values.token as string | undefined) ?? env.AWM_TOKEN), verifyMode });
  }
  const options = runtimeOptions(values);
  const local = await startServer({ ...options, workers: options.workers ?? o.workers, only: o.only, port: 0, host: "127.0.0.1", judge: judgeFrom(values, env), log: () => {} });
  try {
    return await fn({ client: serverClient(local.url), verifyMode });
  } finally {
    await local.stop();
  }
}
