import { resolve } from "node:path";
import type { EnvSource } from "../runtime/load-envs.ts";

let embedded: EnvSource[] | undefined;

/** Called by the compiled binary's entry: these envs are served instead of the envs/ folder. */
export function setEmbeddedEnvs(envs: EnvSource[]): void {
  embedded = envs;
}

/** The shipped envs: embedded in the binary, or the repository's envs/ folder when run from source. */
export function shippedEnvs(): { dirs: string[]; embedded?: EnvSource[] } {
  if (embedded) return { dirs: [], embedded };
  return { dirs: [resolve(import.meta.dir, "../../envs")] };
}
