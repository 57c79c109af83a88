// Load generator, run as its own process: POSTs bodies to URLs from many concurrent loops for a while.
export {};
// argv: JSON { targets: [{ url, body }], concurrency, durationMs }; prints { requests, errors, rps }.
const { targets, concurrency, durationMs } = JSON.parse(process.argv[2]!) as { targets: { url: string; body: string }[]; concurrency: number; durationMs: number };
let requests = 0;
let errors = 0;
const warmEnd = performance.now() + 500;
while (performance.now() < warmEnd) await fetch(targets[0]!.url, { method: "POST", body: targets[0]!.body, headers: { "content-type": "application/json" } }).then((r) => r.text());
const end = performance.now() + durationMs;
await Promise.all(
  Array.from({ length: concurrency }, async (_, i) => {
    const t = targets[i % targets.length]!;
    while (performance.now() < end) {
      const res = await fetch(t.url, { method: "POST", body: t.body, headers: { "content-type": "application/json", accept: "application/json, text/event-stream" } });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"isError":true') || text.includes('"error"')) errors++;
      requests++;
    }
  }),
);
console.log(JSON.stringify({ requests, errors, rps: Math.round(requests / (durationMs / 1000)) }));
