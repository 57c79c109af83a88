// The dashboard in a real browser: headless Chromium from Debian's packages, driven by
// playwright-core (no browser download). Screenshots of each page go to test-artifacts/ui.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/http/server.ts";
import { FIXTURES, ROOT } from "../helpers.ts";

const ARTIFACTS = join(ROOT, "test-artifacts/ui");
const CHROMIUM = Bun.which("chromium") ?? "/usr/bin/chromium";
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ port: 0, host: "127.0.0.1", envDirs: [join(FIXTURES, "envs")], workers: 1, log: () => {} });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

test("the overview shows live numbers that update without a reload", async () => {
  await page.goto(`${server.url}/ui`);
  expect(await page.locator("h1").textContent()).toBe("Overview");
  await page.waitForFunction('document.querySelector("[data-updated]")?.textContent !== "-"');
  expect(await page.locator('[data-stat="workers"]').textContent()).toBe("1");
  expect(await page.locator("svg[data-series] polyline").count()).toBe(5);
  await shot("1-overview");
}, 30_000);

test("from the env page, start an episode; call a tool through its form; see the call and the row; verify; close", async () => {
  await page.click("text=Envs");
  await page.click("text=notes");
  expect(await page.locator("h1").textContent()).toBe("notes");
  expect(await page.locator("pre").last().textContent()).toContain("CREATE TABLE notes");
  await shot("2-env");
  await page.locator("tr", { hasText: 'Create a note titled "Water the plants".' }).locator("button", { hasText: "Start episode" }).click();
  await page.waitForURL(/\/ui\/episodes\/ep_/);
  const id = page.url().split("/").pop()!.split("?")[0]!;

  await page.selectOption('select[name="tool"]', "create_note");
  await page.click("text=Show its form");
  await page.fill('input[name="arg.title"]', "Water the plants");
  await page.click("text=Call create_note");
  await page.waitForURL(/#result$/);
  expect(await page.locator("#result").textContent()).toContain('"title": "Water the plants"');
  expect(await page.locator("#timeline tr", { hasText: "create_note" }).count()).toBe(1);
  expect(await page.locator("#timeline").textContent()).toContain("OK");
  expect(await page.locator("#diff h3").allTextContents()).toEqual(["notes"]);
  expect(await page.locator("#diff").textContent()).toContain("1 inserted, 0 updated, 0 deleted.");
  expect(await page.locator("#diff td", { hasText: '"Water the plants"' }).count()).toBe(1);
  await shot("3-episode-after-call");

  await page.selectOption('select[name="mode"]', "code");
  await page.click("button:has-text('Verify')");
  await page.waitForURL(/#result$/);
  expect(await page.locator("#result strong").textContent()).toBe("verdict complete, reward 1");
  expect(await page.locator("#result .status").textContent()).toBe("OK");
  await shot("4-episode-verified");

  await page.click("text=Episodes");
  expect(await page.locator("tr", { hasText: id.slice(0, 15) }).locator("td").nth(7).textContent()).toBe("complete");
  await shot("5-episodes");
  await page.goto(`${server.url}/ui/episodes/${id}`);
  await page.click("button:has-text('Close episode')");
  await page.waitForURL(/\/ui\/episodes$/);
  expect(await page.locator("tr", { hasText: id.slice(0, 15) }).count()).toBe(0);
}, 60_000);

test("a bad argument through the form shows the error the agent would read", async () => {
  await page.goto(`${server.url}/ui/envs/notes`);
  await page.locator("tr", { hasText: "Mark the note" }).locator("button").click();
  await page.waitForURL(/\/ui\/episodes\/ep_/);
  await page.selectOption('select[name="tool"]', "get_note");
  await page.click("text=Show its form");
  await page.fill('input[name="arg.note_id"]', "three");
  await page.click("text=Call get_note");
  const text = await page.locator("#result").textContent();
  expect(text).toContain("ERROR");
  expect(text).toContain("Invalid arguments for get_note: note_id");
  await shot("6-tool-error");
}, 30_000);
