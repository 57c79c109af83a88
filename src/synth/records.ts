import { join } from "node:path";
import { AWM_FILES } from "../awm1k/files.ts";
import { normalizeScenarioName } from "../awm1k/normalize.ts";
import type { AwmDbRecord, AwmEnvRecord, AwmSampleRecord, AwmScenarioRecord, AwmSpecRecord, AwmTasksRecord, AwmVerifierRecord } from "../awm1k/records.ts";
import { JsonlStore } from "./store.ts";

/**
 * The stage records, in AWM's JSONL formats. Extra fields are ours (AWM readers ignore
 * them); AWM's fields keep AWM's meaning, so the TypeScript that gen writes goes under its
 * own keys and AWM's Python fields (full_code, verification.code) are null.
 */
export interface ScenarioRecord extends AwmScenarioRecord {
  category?: string;
}
export type TasksRecord = AwmTasksRecord;
export type DbRecord = AwmDbRecord;
export interface SampleRecord extends AwmSampleRecord {
  /** Ours: per task, a query that finds the rows the task needs. */
  task_checks: { task: number; sql: string }[];
}
export type SpecRecord = AwmSpecRecord;
export interface EnvCodeRecord extends AwmEnvRecord {
  /** AWM's Python server code: none. */
  full_code: null;
  /** Ours: the env's tools.ts. */
  tools_ts: string;
  /** Ours: a call per tool that worked on the seed data. */
  probes: { name: string; arguments: Record<string, unknown> }[];
}
export interface VerifierRecord extends AwmVerifierRecord {
  /** AWM's Python verifier: none; the model's raw answer. */
  verification: { code: null; raw_response: string };
  /** Ours: the task's verifier, a TypeScript expression for verify.ts. */
  verifier_ts: string;
}

const key = (r: { scenario: string }) => normalizeScenarioName(r.scenario);

/** The stage files of a gen folder: each is read on first use, once per run. */
export type GenStores = ReturnType<typeof openStores>;
export function openStores(dir: string) {
  const at = (file: string) => join(dir, file);
  return {
    scenario: new JsonlStore<ScenarioRecord>(at(AWM_FILES.scenario), (r) => normalizeScenarioName(r.name)),
    tasks: new JsonlStore<TasksRecord>(at(AWM_FILES.tasks), key),
    db: new JsonlStore<DbRecord>(at(AWM_FILES.db), key),
    sample: new JsonlStore<SampleRecord>(at(AWM_FILES.sample), key),
    spec: new JsonlStore<SpecRecord>(at(AWM_FILES.spec), key),
    envs: new JsonlStore<EnvCodeRecord>(at(AWM_FILES.envs), key),
    verifier: new JsonlStore<VerifierRecord>(at(AWM_FILES.verifier), (r) => `${normalizeScenarioName(r.scenario)}::${r.task_idx}`),
  };
}
