// The server agent and rollout run tasks on: one started here, or --server.
import { expect, test } from "bun:test";
import { join } from "node:path";
import { withAgentServer } from "../../src/cli/agent-flags.ts";
import { FIXTURES, pynotesEnv } from "../helpers.ts";

const here = { "no-shipped": true, envs: [join(FIXTURES, "envs")] };
const pynotes = pynotesEnv();
const health = (values: Record<string, unknown>, workers: number) => withAgentServer(values, {}, { workers }, ({ client }) => client.json<{ envs: number; workers: number }>("GET", "/healthz"));

test("a server started here has the workers asked for, unless --workers says otherwise", async () => {
  expect(await health(here, 1)).toMatchObject({ envs: 1, workers: 1 });
  expect(await health({ ...here, workers: "2" }, 1)).toMatchObject({ workers: 2 });
});

test("--server with a token from AWM_TOKEN, the URL's trailing slash dropped", async () => {
  const client = await withAgentServer({ server: "http://awm.example:8080/", "verify-mode": "judge" }, { AWM_TOKEN: "t0k" }, { workers: 1 }, async (s) => {
    expect(s.verifyMode).toBe("judge"); // that server may have a judge: not ours to say
    return s.client;
  });
  expect(client.url).toBe("http://awm.example:8080");
  expect(client.headers).toEqual({ authorization: "Bearer t0k" });
});

test("env and judge flags with --server are an error, not silently ignored", async () => {
  await expect(withAgentServer({ server: "http://awm.example", envs: ["x"] }, {}, { workers: 1 }, async () => 0)).rejects.toThrow("--envs has no effect with --server: that server has its own envs and judge");
  await expect(withAgentServer({ server: "http://awm.example", "judge-model": "j" }, {}, { workers: 1 }, async () => 0)).rejects.toThrow("--judge-model has no effect with --server");
});

test("a judge verify mode with no judge model here fails before a server starts", async () => {
  let ran = false;
  await expect(withAgentServer({ ...here, "verify-mode": "judge" }, {}, { workers: 1 }, async () => (ran = true))).rejects.toThrow("--verify-mode judge needs --judge-model NAME");
  expect(ran).toBe(false);
});

test("a server started here loads only the envs named", async () => {
  const both = { "no-shipped": true, envs: [join(FIXTURES, "envs"), pynotes] };
  const envs = (only?: string[]) => withAgentServer(both, {}, { workers: 1, only }, ({ client }) => client.json<{ envs: { name: string }[] }>("GET", "/v1/envs"));
  expect((await envs()).envs.map((e) => e.name).sort()).toEqual(["notes", "pynotes"]);
  expect((await envs(["pynotes"])).envs.map((e) => e.name)).toEqual(["pynotes"]);
});
