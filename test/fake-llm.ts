/** A local OpenAI-compatible chat server that answers from a script, for tests of code that calls a model. */
export interface FakeLlm {
  url: string;
  /** The chat requests received, in order. */
  requests: { model: string; messages: { role: string; content: string }[] }[];
  stop(): void;
}

export type ScriptedAnswer = string | ((request: FakeLlm["requests"][number]) => string);

/** Starts the server; each chat completion takes the next answer (the last one repeats). */
export function startFakeLlm(answers: ScriptedAnswer[]): FakeLlm {
  const requests: FakeLlm["requests"] = [];
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(req) {
      const path = new URL(req.url).pathname;
      if (req.method !== "POST" || !path.endsWith("/chat/completions")) return new Response("not found", { status: 404 });
      const body = (await req.json()) as FakeLlm["requests"][number];
      requests.push(body);
      const next = answers[Math.min(requests.length - 1, answers.length - 1)]!;
      const content = typeof next === "function" ? next(body) : next;
      return Response.json({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
      });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/v1`, requests, stop: () => server.stop(true) };
}
