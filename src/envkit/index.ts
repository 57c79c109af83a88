export { defineEnv, tool } from "./define-env.ts";
export type { EnvDefinition, ToolContext, ToolSpec } from "./define-env.ts";
export { ToolError } from "./tool-error.ts";
export { Id, Limit, Offset, page } from "./paging.ts";
export type { Page } from "./paging.ts";
export { defineVerifiers, grade } from "./verifier.ts";
export type { Verdict, Verifier, VerifierContext, VerifierResult } from "./verifier.ts";
export type { Row, RunResult, SqlDatabase, SqlParams, SqlReader, SqlValue } from "./sql.ts";
export type { DbDiff, RowUpdate, TableDiff } from "./diff-types.ts";
