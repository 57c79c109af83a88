import { expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runGen } from "../../src/synth/pipeline.ts";
import { startFakeLlm } from "../fake-llm.ts";
import { runAwm, tempDir } from "../helpers.ts";
import { scriptedGenOptions } from "./script.ts";

const work = tempDir("awm-gen-scenario-");

const seedA = { name: "Pawfect Vet Clinic", description: "A veterinary clinic portal where pet owners book visits, manage their pets' records, vaccinations and prescriptions, and pay invoices." };
const seedB = { name: "Harbor Ferry Tickets", description: "A ferry operator's booking site: travellers search sailings, book passenger and vehicle tickets, change dates, and manage season passes." };
const candidate = (name: string, description: string, category: string) => ({ name, description, category });

test("new scenarios are kept unless their name is taken, they nearly duplicate one, or their category is full", async () => {
  const seeds = join(work, "seeds.jsonl");
  writeFileSync(seeds, [seedA, seedB].map((s) => JSON.stringify(s)).join("\n") + "\n");
  const answers = [
    JSON.stringify({
      scenarios: [
        candidate("Pawfect Vet Clinic", "A copy of a seed under the same name, which must be rejected before anything else happens.", "healthcare"),
        // The same letters as seed A's text, reordered: a near-duplicate by embedding.
        candidate("Vet Clinic Pawfect", seedA.description.split(" ").reverse().join(" "), "healthcare"),
        candidate("Ledgerline Invoicing", "Small businesses send invoices, record payments, chase overdue clients and reconcile their bank feed against open invoices.", "finance"),
        candidate("Coinpurse Budgeting", "People set monthly budgets per category, import card transactions, split shared expenses and track savings goals over time.", "finance"),
      ],
    }),
    JSON.stringify({ scenarios: [candidate("Greenhouse Plant Orders", "Garden centres take plant and seed orders, schedule deliveries, manage stock of seasonal plants and run a loyalty scheme.", "commerce")] }),
  ];
  const llm = startFakeLlm(answers);
  try {
    const dir = join(work, "out");
    const o = scriptedGenOptions(dir, seeds, { scenario: { input: seeds, target: 4, perRequest: 4, similarity: 0.85, maxPerCategory: 1, maxStall: 3, embeddingModel: "embed-1" } });
    const report = await runGen(["scenario"], o, { OPENAI_API_KEY: "t", OPENAI_BASE_URL: llm.url, AWM_SYN_OVERRIDE_MODEL: "m", EMBEDDING_OPENAI_API_KEY: "e", EMBEDDING_OPENAI_BASE_URL: llm.url });
    const names = readFileSync(join(dir, "gen_scenario.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).name);
    expect(names).toEqual(["Pawfect Vet Clinic", "Harbor Ferry Tickets", "Ledgerline Invoicing", "Greenhouse Plant Orders"]);
    expect(report.stages!.scenario).toMatchObject({ kept: 2, rejected: { duplicate_name: 1, near_duplicate: 1, category_full: 1 } });
    expect(llm.requests).toHaveLength(2);
    expect(llm.embeddings[0]).toEqual([seedA, seedB].map((s) => `${s.name}: ${s.description}`));
  } finally {
    llm.stop();
  }
});

test("growing scenarios without an embedding key stops before any request", async () => {
  const seeds = join(work, "seeds2.jsonl");
  writeFileSync(seeds, JSON.stringify(seedA) + "\n");
  const llm = startFakeLlm(["{}"]);
  try {
    const o = scriptedGenOptions(join(work, "out2"), seeds, { scenario: { input: seeds, target: 5, perRequest: 4, similarity: 0.85, maxPerCategory: 10, maxStall: 3, embeddingModel: "embed-1" } });
    await expect(runGen(["scenario"], o, { OPENAI_API_KEY: "t", OPENAI_BASE_URL: llm.url, AWM_SYN_OVERRIDE_MODEL: "m" })).rejects.toThrow("scenario generation needs EMBEDDING_OPENAI_API_KEY");
    expect(llm.requests).toHaveLength(0);
  } finally {
    llm.stop();
  }
});

test("awm gen without an API key says so in one line, before any work", async () => {
  const r = await runAwm(["gen", "task", "--out", join(work, "x"), "--model", "m"], { env: { PATH: process.env.PATH } });
  expect(r.code).toBe(2);
  expect(r.err.trim()).toBe("awm: no API key: set OPENAI_API_KEY (any value, like EMPTY, for a local server) and OPENAI_BASE_URL");
});
