import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { portEnv } from "../awm1k/port.ts";
import { UsageError } from "../errors.ts";
import { ResponseCache } from "../synth/cache.ts";
import { createLlm, llmConfig } from "../synth/llm.ts";
import { ModelClient } from "../synth/model.ts";
import { intFlag, parseFlags, type Command } from "./command.ts";

export const portCommand: Command = {
  name: "port",
  summary: "port an imported env's Python tools to tools.ts with a model",
  usage: `Port the tools of an imported AWM env (its server.py, from gen_envs) to tools.ts
with an OpenAI-compatible chat model, and check the result: it compiles, loads, has every
tool of the contract with the same parameters, and every tool answers without an internal
error. Problems go back to the model, up to --max-attempts. The result and port-log.json
are written into the env's folder; answers are cached in the envs folder's .cache/, so a
re-run with the same prompts costs nothing.

Usage: awm port NAME [options]

Options:
  --envs DIR             the folder of imported envs (default ./awm-envs)
  --model NAME           the model (AWM_SYN_OVERRIDE_MODEL, when set, wins)
  --max-attempts N       tries before giving up (default 3)
  --force                replace an existing tools.ts
  --no-cache             ask the model even when the same prompt was answered before
  --json                 print the result as JSON
  -h, --help             show this help

Environment: OPENAI_API_KEY, OPENAI_BASE_URL, AWM_SYN_OVERRIDE_MODEL,
AWM_SYN_LLM_PROVIDER (openai | azure), AZURE_ENDPOINT_URL, AZURE_OPENAI_API_KEY.
`,
  async run(argv) {
    const { values, positionals } = parseFlags(
      "port",
      argv,
      { envs: { type: "string" }, model: { type: "string" }, "max-attempts": { type: "string" }, force: { type: "boolean" }, "no-cache": { type: "boolean" }, json: { type: "boolean" } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError("name one imported env: awm port NAME");
    const envsDir = resolve(values.envs ?? "awm-envs");
    const envDir = join(envsDir, positionals[0]!);
    if (!existsSync(join(envDir, "env.json"))) throw new UsageError(`no env folder ${envDir}`);
    if (existsSync(join(envDir, "tools.ts")) && !values.force) throw new UsageError(`${envDir}/tools.ts exists; pass --force to replace it`);
    const llm = createLlm(llmConfig(process.env, { model: values.model }));
    const cache = values["no-cache"] ? null : new ResponseCache(join(envsDir, ".cache"));
    const result = await portEnv({
      envDir,
      model: new ModelClient(llm, cache, { temperature: 0.2 }),
      maxAttempts: intFlag(values["max-attempts"], "max-attempts", 3, 1),
      onAttempt: (n, problems) => {
        if (!values.json) console.error(`attempt ${n}: ${problems.length ? `${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join("\n")}` : "passes"}`);
      },
    });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(result.ok ? `ported: ${result.written}` : `not ported after ${result.attempts.length} attempts; best try in ${result.written}, log in port-log.json`);
      const u = result.usage;
      console.log(`requests ${u.requests} (${u.cached} answered from the cache), tokens ${u.promptTokens} in / ${u.completionTokens} out`);
    }
    return result.ok ? 0 : 1;
  },
};
