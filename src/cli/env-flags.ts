import { UsageError } from "../errors.ts";
import { RUNTIME_DEFAULTS, type RuntimeOptions } from "../runtime/runtime.ts";
import { shippedEnvs } from "./shipped-envs.ts";
import { optionalIntFlag } from "./command.ts";

/** Flags every command that loads envs takes. */
export const envFlags = {
  envs: { type: "string", multiple: true },
  "no-shipped": { type: "boolean" },
  workers: { type: "string" },
  "call-timeout-ms": { type: "string" },
  backend: { type: "string" },
  "data-dir": { type: "string" },
} as const;

export const envFlagsUsage = `  --envs DIR             also load envs from DIR (a folder of env folders, or one env); repeatable
  --no-shipped           do not load the shipped envs
  --workers N            tool workers (default: one per CPU)
  --call-timeout-ms MS   time limit of one tool call or verification (default ${RUNTIME_DEFAULTS.callTimeoutMs})
  --backend NAME         episode databases: lazy-copy (clone at first write, default) or eager-copy
  --data-dir DIR         where templates and episode databases live (default /dev/shm, else the temp folder)
`;

/** Resolves the env flags into runtime options. */
export function runtimeOptions(values: Record<string, unknown>): RuntimeOptions {
  const shipped = values["no-shipped"] ? { dirs: [] } : shippedEnvs();
  const dirs = [...shipped.dirs, ...((values.envs as string[] | undefined) ?? [])];
  const backend = (values.backend as string | undefined) ?? RUNTIME_DEFAULTS.backend;
  if (backend !== "lazy-copy" && backend !== "eager-copy") throw new UsageError(`--backend must be lazy-copy or eager-copy, got '${backend}'`);
  if (!dirs.length && !shipped.embedded?.length) throw new UsageError("no envs to load: drop --no-shipped or add --envs DIR");
  return {
    envDirs: dirs,
    embedded: shipped.embedded,
    workers: optionalIntFlag(values.workers as string | undefined, "workers", 1),
    callTimeoutMs: optionalIntFlag(values["call-timeout-ms"] as string | undefined, "call-timeout-ms", 1),
    backend,
    dataDir: values["data-dir"] as string | undefined,
  };
}
