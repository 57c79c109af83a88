import { UsageError } from "../errors.ts";
import { ResponseCache } from "./cache.ts";
import { openAiClient, type ChatMessage, type Llm, type LlmEnv } from "./llm.ts";

/** Requests and tokens so far; cached answers cost nothing. */
export interface ModelUsage {
  requests: number;
  cached: number;
  promptTokens: number;
  completionTokens: number;
}

/** A chat answer, and whether it came from the cache. */
export interface Answer {
  text: string;
  cached: boolean;
  promptTokens: number;
  completionTokens: number;
}

/** The model as the stages use it: answers from the response cache when it can, with usage totals. */
export class ModelClient {
  constructor(
    private readonly llm: Llm,
    private readonly cache: ResponseCache | null,
    private readonly settings: { temperature?: number; maxTokens?: number } = {},
    /** The run's totals. */
    readonly usage: ModelUsage = emptyUsage(),
    /** One item's totals, when this client is an item's view of the run's. */
    readonly item?: ModelUsage,
  ) {}

  /** A view of this client that also counts what one item (a scenario) used. */
  forItem(): ModelClient {
    return new ModelClient(this.llm, this.cache, this.settings, this.usage, emptyUsage());
  }

  get model(): string {
    return this.llm.model;
  }

  async chat(messages: ChatMessage[], options: { temperature?: number } = {}): Promise<Answer> {
    const temperature = options.temperature ?? this.settings.temperature;
    const key = ResponseCache.key({ kind: "chat", model: this.llm.model, messages, temperature, maxTokens: this.settings.maxTokens });
    const hit = this.cache?.get<{ text: string; promptTokens: number; completionTokens: number }>(key);
    const counters = this.item ? [this.usage, this.item] : [this.usage];
    if (hit) {
      for (const u of counters) u.cached++;
      return { ...hit, cached: true };
    }
    const r = await this.llm.chat(messages, { temperature, maxTokens: this.settings.maxTokens });
    for (const u of counters) {
      u.requests++;
      u.promptTokens += r.promptTokens;
      u.completionTokens += r.completionTokens;
    }
    this.cache?.set(key, r);
    return { ...r, cached: false };
  }
}

function emptyUsage(): ModelUsage {
  return { requests: 0, cached: 0, promptTokens: 0, completionTokens: 0 };
}

/** Text embeddings, cached like chat answers. */
export interface Embedder {
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * Embeddings through the openai SDK, configured as the reference: EMBEDDING_OPENAI_API_KEY
 * (required) and EMBEDDING_OPENAI_BASE_URL.
 */
export function createEmbedder(env: LlmEnv, options: { model: string; cache: ResponseCache | null; usage: ModelUsage; batch?: number }): Embedder {
  if (!env.EMBEDDING_OPENAI_API_KEY) throw new UsageError("scenario generation needs EMBEDDING_OPENAI_API_KEY (and EMBEDDING_OPENAI_BASE_URL for a non-OpenAI endpoint) to embed scenarios");
  const client = openAiClient({ provider: "openai", apiKey: env.EMBEDDING_OPENAI_API_KEY, baseURL: env.EMBEDDING_OPENAI_BASE_URL, timeoutMs: 600_000, maxRetries: 3 });
  return {
    async embed(texts) {
      const out: number[][] = [];
      const batch = options.batch ?? 50;
      for (let i = 0; i < texts.length; i += batch) {
        const chunk = texts.slice(i, i + batch);
        const key = ResponseCache.key({ kind: "embedding", model: options.model, input: chunk });
        let vectors = options.cache?.get<number[][]>(key);
        if (vectors) options.usage.cached++;
        else {
          const res = await client.embeddings.create({ model: options.model, input: chunk });
          vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
          options.usage.requests++;
          options.usage.promptTokens += res.usage?.prompt_tokens ?? 0;
          options.cache?.set(key, vectors);
        }
        out.push(...vectors);
      }
      return out;
    },
  };
}

/** Cosine similarity of two vectors. */
export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
