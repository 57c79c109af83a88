/** A local OpenAI-compatible server that answers from a script, for tests of code that calls a model. */
export interface FakeLlm {
  url: string;
  /** The chat requests received, in order (429s included). */
  requests: ChatRequest[];
  /** The embedding requests received. */
  embeddings: string[][];
  stop(): void;
}

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string; tool_calls?: unknown[] }[];
  tools?: { function: { name: string } }[];
}

/** An HTTP answer other than a completion: a status (429, 500), optional headers. */
export interface Refusal {
  status: number;
  headers?: Record<string, string>;
}

/** An assistant message with tool calls (OpenAI function calling). */
export interface Reply {
  content?: string;
  tool_calls: { name: string; arguments: string }[];
}

type Answer = string | Refusal | Reply;
export type ScriptedAnswer = Answer | ((request: ChatRequest, index: number) => Answer | Promise<Answer>);

/**
 * Starts the server. Chat completions take the next scripted answer (the last repeats);
 * a function answer sees the request, so it can answer by stage. Embeddings come from
 * `embed` (default: a bag of words hashed into a vector).
 */
export function startFakeLlm(answers: ScriptedAnswer[], embed: (text: string) => number[] = wordVector): FakeLlm {
  const requests: ChatRequest[] = [];
  const embeddings: string[][] = [];
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(req) {
      const path = new URL(req.url).pathname;
      if (req.method === "POST" && path.endsWith("/embeddings")) {
        const body = (await req.json()) as { input: string | string[]; model: string };
        const input = Array.isArray(body.input) ? body.input : [body.input];
        embeddings.push(input);
        return Response.json({ object: "list", model: body.model, data: input.map((t, index) => ({ object: "embedding", index, embedding: embed(t) })), usage: { prompt_tokens: 10, total_tokens: 10 } });
      }
      if (req.method !== "POST" || !path.endsWith("/chat/completions")) return new Response("not found", { status: 404 });
      const body = (await req.json()) as ChatRequest;
      requests.push(body);
      const i = requests.length - 1;
      const next = answers[Math.min(i, answers.length - 1)]!;
      const answer = typeof next === "function" ? await next(body, i) : next;
      if (typeof answer !== "string" && "status" in answer) return Response.json({ error: { message: `scripted ${answer.status}` } }, { status: answer.status, headers: answer.headers });
      const message =
        typeof answer === "string"
          ? { role: "assistant", content: answer }
          : {
              role: "assistant",
              content: answer.content ?? null,
              tool_calls: answer.tool_calls.map((c, n) => ({ id: `call_${i}_${n}`, type: "function", function: { name: c.name, arguments: c.arguments } })),
            };
      return Response.json({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message, finish_reason: typeof answer === "string" ? "stop" : "tool_calls" }],
        usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
      });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/v1`, requests, embeddings, stop: () => server.stop(true) };
}

/** Words hashed into 256 buckets: the same words in any order are a near-duplicate, other texts are not. */
export function wordVector(text: string): number[] {
  const v = new Array(256).fill(0);
  for (const w of text.toLowerCase().match(/[a-z']+/g) ?? []) v[Number(Bun.hash(w) % 256n)]++;
  return v;
}
