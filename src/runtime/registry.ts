import { EnvNotFoundError } from "../errors.ts";
import type { TemplateStats } from "../db/build-template.ts";
import type { PythonVerifier } from "../verify/python.ts";
import type { EnvInspection, ToolInfo } from "./env-module.ts";
import type { EnvFiles, Task } from "./env-files.ts";

/** A loaded, servable env. */
export interface Env {
  name: string;
  description: string;
  version: string;
  /** The env clock's fixed "now" (ISO). */
  now: string;
  userId: number;
  tasks: Task[];
  tools: ToolInfo[];
  toolNames: Set<string>;
  /** Tasks verified in TypeScript (verify.ts). */
  codeVerifiers: Set<number>;
  /** AWM verifiers kept in Python, for `python` mode. */
  pythonVerifiers: PythonVerifier[];
  /** The bundled tools + verifiers module. */
  code: string;
  templatePath: string;
  stats: TemplateStats;
  /** Where it came from: a folder, or "embedded". */
  origin: string;
}

/** An env that failed to load, and why. */
export interface BrokenEnv {
  name: string;
  origin: string;
  reason: string;
}

/** The envs a server serves, by name. */
export class EnvRegistry {
  private readonly byName: Map<string, Env>;

  constructor(
    envs: Env[],
    readonly broken: BrokenEnv[],
  ) {
    this.byName = new Map(envs.map((e) => [e.name, e]));
  }

  /** All envs, sorted by name. */
  list(): Env[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): Env {
    const env = this.byName.get(name);
    if (!env) throw new EnvNotFoundError(name);
    return env;
  }

  get size(): number {
    return this.byName.size;
  }
}

/** Builds the Env record from its parts. */
export function makeEnv(files: EnvFiles, inspection: EnvInspection, code: string, templatePath: string, stats: TemplateStats, origin: string): Env {
  const { meta, tasks } = files;
  return {
    name: meta.name,
    description: meta.description,
    version: meta.version,
    now: meta.now,
    userId: meta.user_id,
    tasks,
    tools: inspection.tools,
    toolNames: new Set(inspection.tools.map((t) => t.name)),
    codeVerifiers: new Set(inspection.verifiers),
    pythonVerifiers: files.pythonVerifiers,
    code,
    templatePath,
    stats,
    origin,
  };
}
