import * as v from "valibot";
import { normalizeScenarioName } from "../../awm1k/normalize.ts";
import type { GenContext } from "../context.ts";
import { cosine } from "../model.ts";
import { BadAnswerError, parseAnswer } from "../parse.ts";
import { Progress } from "../progress.ts";
import systemPrompt from "../prompts/scenario.md" with { type: "text" };
import type { ScenarioRecord } from "../records.ts";

const Answer = v.object({
  scenarios: v.array(v.object({ name: v.pipe(v.string(), v.minLength(2)), description: v.pipe(v.string(), v.minLength(40)), category: v.optional(v.string(), "other") })),
});

export interface ScenarioOptions {
  /** Seed scenarios ({name, description} per line). */
  seeds: ScenarioRecord[];
  /** How many scenarios the output should hold, seeds included. */
  target: number;
  perRequest: number;
  /** Cosine similarity at or above which a candidate is a near-duplicate. */
  similarity: number;
  maxPerCategory: number;
  /** Requests without a new scenario before giving up. */
  maxStall: number;
}

/**
 * gen scenario: grows the seed list to `target` with the model. A candidate is rejected if
 * its name is taken, if its embedding is a near-duplicate (cosine >= similarity) of a kept
 * scenario, or if its category is full. Kept scenarios are written as they come.
 */
export async function genScenarios(ctx: GenContext, o: ScenarioOptions): Promise<{ kept: number; rejected: Record<string, number> }> {
  const s = ctx.stores;
  for (const seed of o.seeds) if (!s.scenario.has(normalizeScenarioName(seed.name))) s.scenario.put(seed);
  const pool = s.scenario.all();
  const rejected = { duplicate_name: 0, near_duplicate: 0, category_full: 0, unreadable: 0 };
  if (pool.length >= o.target) return { kept: 0, rejected };
  if (!ctx.embedder) throw new Error("gen scenario needs an embedder");
  const text = (r: ScenarioRecord) => `${r.name}: ${r.description.slice(0, 500)}`;
  const vectors = await ctx.embedder.embed(pool.map(text));
  const perCategory = new Map<string, number>();
  for (const r of pool) if (r.category) perCategory.set(r.category, (perCategory.get(r.category) ?? 0) + 1);
  const progress = new Progress("gen scenario", o.target - pool.length, process.stderr, ctx.o.quiet);
  let kept = 0;
  let stall = 0;
  while (pool.length < o.target && stall < o.maxStall) {
    const examples = [...pool].sort(() => Math.random() - 0.5).slice(0, 8);
    const answer = await ctx.model.chat([
      { role: "system", content: systemPrompt },
      {
        role: "user",
        content: `Existing products (do not repeat them):\n${pool.map((r) => `- ${r.name}`).join("\n")}\n\nSome in full:\n${examples.map((r) => `${r.name}: ${r.description.slice(0, 400)}`).join("\n\n")}\n\nPropose ${o.perRequest} new products.`,
      },
    ]);
    let candidates: v.InferOutput<typeof Answer>["scenarios"];
    try {
      candidates = parseAnswer(answer.text, Answer).scenarios;
    } catch (err) {
      if (!(err instanceof BadAnswerError)) throw err;
      rejected.unreadable++;
      stall++;
      continue;
    }
    const grew = pool.length;
    const fresh = candidates.filter((c) => {
      const taken = s.scenario.has(normalizeScenarioName(c.name));
      if (taken) rejected.duplicate_name++;
      return !taken;
    });
    const freshVectors = fresh.length ? await ctx.embedder.embed(fresh.map((c) => text(c))) : [];
    for (const [i, c] of fresh.entries()) {
      if (pool.length >= o.target) break;
      const vec = freshVectors[i]!;
      if (vectors.some((u) => cosine(u, vec) >= o.similarity)) {
        rejected.near_duplicate++;
        continue;
      }
      const category = c.category.toLowerCase();
      if ((perCategory.get(category) ?? 0) >= o.maxPerCategory) {
        rejected.category_full++;
        continue;
      }
      perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
      const record = { name: c.name, description: c.description, category };
      s.scenario.put(record);
      pool.push(record);
      vectors.push(vec);
      kept++;
      progress.tick(true, c.name);
    }
    stall = pool.length > grew ? 0 : stall + 1;
  }
  progress.finish();
  s.scenario.compact();
  ctx.report.stages = { ...ctx.report.stages, scenario: { kept, rejected, total: pool.length, target: o.target, stalled: pool.length < o.target } };
  ctx.saveReport(true);
  return { kept, rejected };
}
