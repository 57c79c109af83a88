/** Messages between the server and its tool workers. */

export type WorkerRequest =
  | { t: "config"; backend: string }
  | { t: "load"; env: string; code: string; template: string; now: string; userId: number }
  | { t: "open"; ep: string; env: string; file: string; existing?: boolean }
  | { t: "close"; ep: string }
  | { t: "inspect"; id: number; env: string; code: string }
  | { t: "call"; id: number; ep: string; tool: string; args: unknown; seq: number }
  | { t: "verify"; id: number; ep: string; task: number; answer?: string }
  | { t: "diff"; id: number; ep: string }
  | { t: "dump"; id: number; ep: string };

/** Why a request failed inside the worker. */
export type FailureKind = "invalid_args" | "tool_error" | "tool_exception" | "verifier_error" | "internal";

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; kind: FailureKind; message: string };

/** The reply id a worker posts once, unasked, when its module has loaded: it is ready. */
export const READY_ID = 0;

/** A tool's result: its text as the agent reads it; `json` tells whether the text is JSON. */
export interface CallValue {
  text: string;
  json: boolean;
}
