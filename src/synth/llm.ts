import OpenAI, { AzureOpenAI } from "openai";
import { UsageError } from "../errors.ts";

/** Where and how to reach a chat model; resolved once from the environment and flags. */
export interface LlmConfig {
  provider: "openai" | "azure";
  apiKey: string;
  baseURL?: string;
  azureEndpoint?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** A chat message. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** A chat model's answer and what it cost. */
export interface ChatResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

/** The chat-completion calls awm makes. */
export interface Llm {
  readonly model: string;
  chat(messages: ChatMessage[], options?: { temperature?: number; maxTokens?: number }): Promise<ChatResult>;
}

/**
 * The environment: OPENAI_API_KEY, OPENAI_BASE_URL, AWM_SYN_OVERRIDE_MODEL,
 * AWM_SYN_LLM_PROVIDER, AZURE_ENDPOINT_URL, AZURE_OPENAI_API_KEY (as the reference).
 */
export type LlmEnv = Record<string, string | undefined>;

/**
 * Resolves the model settings as the reference does: AWM_SYN_OVERRIDE_MODEL overrides the
 * model of every request; AWM_SYN_LLM_PROVIDER picks openai (default here) or azure. Every
 * missing setting is a one-line error before any work starts.
 */
export function llmConfig(env: LlmEnv, flags: { model?: string; timeoutMs?: number; maxRetries?: number } = {}): LlmConfig {
  const provider = (env.AWM_SYN_LLM_PROVIDER ?? "openai").toLowerCase();
  if (provider !== "openai" && provider !== "azure") throw new UsageError(`AWM_SYN_LLM_PROVIDER must be openai or azure, got '${env.AWM_SYN_LLM_PROVIDER}'`);
  const model = env.AWM_SYN_OVERRIDE_MODEL || flags.model;
  if (!model) throw new UsageError("no model: pass --model NAME or set AWM_SYN_OVERRIDE_MODEL");
  const base = { model, timeoutMs: flags.timeoutMs ?? 600_000, maxRetries: flags.maxRetries ?? 3 };
  if (provider === "azure") {
    if (!env.AZURE_ENDPOINT_URL) throw new UsageError("AWM_SYN_LLM_PROVIDER=azure needs AZURE_ENDPOINT_URL");
    if (!env.AZURE_OPENAI_API_KEY) throw new UsageError("AWM_SYN_LLM_PROVIDER=azure needs AZURE_OPENAI_API_KEY");
    return { ...base, provider, apiKey: env.AZURE_OPENAI_API_KEY, azureEndpoint: env.AZURE_ENDPOINT_URL };
  }
  if (!env.OPENAI_API_KEY) throw new UsageError("no API key: set OPENAI_API_KEY (any value, like EMPTY, for a local server) and OPENAI_BASE_URL");
  return { ...base, provider, apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL };
}

/**
 * The openai SDK client for a config: every model awm calls (synthesis, judge, embeddings,
 * the agent's policy) goes through one, with the config's time limit and retries (the SDK
 * retries rate limits and server errors with backoff).
 */
export function openAiClient(config: Pick<LlmConfig, "provider" | "apiKey" | "baseURL" | "azureEndpoint" | "timeoutMs" | "maxRetries">): OpenAI {
  return config.provider === "azure"
    ? new AzureOpenAI({ apiKey: config.apiKey, endpoint: config.azureEndpoint, apiVersion: "2025-01-01-preview", timeout: config.timeoutMs, maxRetries: config.maxRetries })
    : new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, timeout: config.timeoutMs, maxRetries: config.maxRetries });
}

/** A chat client over the openai SDK. */
export function createLlm(config: LlmConfig): Llm {
  const client = openAiClient(config);
  return {
    model: config.model,
    async chat(messages, options = {}) {
      const res = await client.chat.completions.create({
        model: config.model,
        messages,
        ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
        ...(options.maxTokens !== undefined ? { max_completion_tokens: options.maxTokens } : {}),
      });
      const text = res.choices?.[0]?.message?.content;
      if (typeof text !== "string") throw new Error(`the model answered without text (finish reason: ${res.choices?.[0]?.finish_reason ?? "none"})`);
      return { text, promptTokens: res.usage?.prompt_tokens ?? 0, completionTokens: res.usage?.completion_tokens ?? 0 };
    },
  };
}
