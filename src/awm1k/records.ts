import type { AwmTable } from "./reference-build.ts";
import type { SpecEndpoint } from "./spec-tools.ts";

/** The records of AWM's JSONL files, as the reference's `gen` stages write them, one type per file. */
export interface AwmScenarioRecord {
  name: string;
  description: string;
}
export interface AwmTasksRecord {
  scenario: string;
  tasks: string[];
}
export interface AwmDbRecord {
  scenario: string;
  db_schema: { tables: AwmTable[] };
  /** Where the reference keeps the scenario's database: awmDbPath. */
  db_path: string;
}
export interface AwmSampleRecord {
  scenario: string;
  tables_count: number;
  inserts_count: number;
  sample_data: { tables: { table_name: string; reasoning: string; insert_statements: string[] }[] };
}
export interface AwmSpecRecord {
  scenario: string;
  api_spec: { api_groups: { group_name: string; endpoints: SpecEndpoint[] }[] };
}
export interface AwmEnvRecord {
  scenario: string;
  db_path: string;
  /** The env's Python (FastAPI) module. */
  full_code: string | null;
}
export interface AwmVerifierRecord {
  scenario: string;
  task_idx: number;
  task: string;
  /** The Python verifier (null when the model gave none), and the model's raw answer. */
  verification: { code: string | null; raw_response: string };
}

/** The db_path the reference writes for a scenario (by its normalized name). */
export const awmDbPath = (name: string) => `./outputs/databases/${name}.db`;
