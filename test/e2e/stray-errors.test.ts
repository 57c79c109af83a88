// Run in a server process: bun test treats a worker's unhandled rejection differently from a real server.
import { expect, test } from "bun:test";
import { join } from "node:path";
import { FIXTURES } from "../helpers.ts";
import { serveAwm } from "./spawn.ts";

test("a rejection env code leaves behind does not take its worker down", async () => {
  const server = await serveAwm(["--workers", "1", "--no-shipped", "--envs", join(FIXTURES, "hazards")]);
  try {
    const post = (path: string, body: unknown) => fetch(server.url + path, { method: "POST", body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    const ep = await post("/v1/episodes", { env: "hazards", tools: "none" });
    expect(await post(`/v1/episodes/${ep.id}/call`, { name: "stray_rejection" })).toMatchObject({ ok: true });
    await Bun.sleep(100);
    expect(await post(`/v1/episodes/${ep.id}/call`, { name: "create_note", arguments: { title: "after" } })).toMatchObject({ ok: true });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^awm_worker_replacements_total 0$/m);
    expect(server.stderr()).toContain("unhandled rejection from env code: nobody catches this");
  } finally {
    expect(await server.stop()).toBe(0);
  }
});
