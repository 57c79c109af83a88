import * as v from "valibot";

const ToolsFormat = v.optional(v.picklist(["mcp", "openai", "none"], 'tools must be "mcp", "openai" or "none"'), "mcp");
const Rewards = v.record(v.string(), v.pipe(v.number(), v.finite()));

const episodeFields = {
  env: v.pipe(v.string("env must be a string"), v.nonEmpty("env must not be empty")),
  task: v.optional(v.pipe(v.number("task must be a number"), v.integer("task must be an integer"), v.minValue(0, "task must be >= 0"))),
  seed: v.optional(v.pipe(v.number("seed must be a number"), v.integer("seed must be an integer"))),
  ttl_s: v.optional(v.pipe(v.number("ttl_s must be a number"), v.gtValue(0, "ttl_s must be > 0"))),
};

/** POST /v1/episodes */
export const CreateEpisodeBody = v.strictObject({ ...episodeFields, tools: ToolsFormat });

/** POST /v1/episodes/batch */
export const CreateBatchBody = v.strictObject({
  episodes: v.pipe(v.array(v.strictObject(episodeFields)), v.minLength(1, "episodes must not be empty"), v.maxLength(4096, "at most 4096 episodes per batch")),
  tools: ToolsFormat,
});

/** POST /v1/episodes/:id/call */
export const CallBody = v.strictObject({
  name: v.pipe(v.string("name must be a string"), v.nonEmpty("name must not be empty")),
  arguments: v.optional(v.record(v.string(), v.unknown(), "arguments must be a JSON object")),
});

/** POST /v1/episodes/:id/verify */
export const VerifyBody = v.strictObject({
  answer: v.optional(v.string("answer must be a string")),
  mode: v.optional(v.picklist(["code", "python", "judge"], 'mode must be "code" (verify.ts), "python" (AWM verifiers) or "judge" (an LLM judge over the verifier\'s facts)')),
  trajectory: v.optional(v.unknown()),
  rewards: v.optional(Rewards),
});
