import { afterAll, beforeAll, expect, test } from "bun:test";
import { testApp } from "../helpers.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({}, { token: "open-sesame" });
});
afterAll(() => t.close());

test("with a token, the dashboard sends a browser to sign in, and the cookie it gets opens every page", async () => {
  const first = await t.app.request("/ui/envs");
  expect(first.status).toBe(303);
  expect(first.headers.get("location")).toBe("/ui/login");
  expect(await (await t.app.request("/ui/login")).text()).toContain("Sign in");

  const wrong = await t.app.request("/ui/login", { method: "POST", body: new URLSearchParams({ token: "guess" }) });
  expect(wrong.status).toBe(401);
  expect(await wrong.text()).toContain("That token is not this server's.");

  const ok = await t.app.request("/ui/login", { method: "POST", body: new URLSearchParams({ token: "open-sesame" }) });
  expect(ok.status).toBe(303);
  const cookie = ok.headers.get("set-cookie")!;
  expect(cookie).toMatch(/^awm_token=open-sesame; Path=\/; HttpOnly; SameSite=Strict/);
  const page = await t.app.request("/ui/envs", { headers: { cookie: cookie.split(";")[0]! } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("<h1>Envs</h1>");
  // The API answers the cookie too (the dashboard's links to /v1 downloads), and still 401s without it.
  expect((await t.app.request("/v1/envs", { headers: { cookie: cookie.split(";")[0]! } })).status).toBe(200);
  expect((await t.app.request("/v1/envs")).status).toBe(401);
});
