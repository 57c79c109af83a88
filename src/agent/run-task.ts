import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type OpenAI from "openai";
import { formatChecks, type FormatReport } from "./format-checks.ts";
import { runAgent, type Protocol } from "./loop.ts";
import { initialDbWriter, makeRunDir, saveTrajectory, type InitialDbWriter } from "./run-dir.ts";
import type { ServerClient } from "./server-client.ts";
import type { Trajectory } from "./trajectory.ts";

/** The model side of a run. */
export interface AgentModel {
  openai: OpenAI;
  model: string;
  apiUrl: string;
  protocol: Protocol;
  maxTurns: number;
  temperature: number;
  maxTokens: number;
  requireReasoning?: boolean;
}

export interface RunTaskOptions {
  /** Where to save the run folder (none when unset). */
  outDir?: string;
  verifyMode?: string;
  /** How initial.db is written (default: downloaded from the server); a rollout shares one across samples. */
  writeInitialDb?: InitialDbWriter;
}

/** What a run of one task produced. */
export interface TaskRun {
  env: string;
  task: number;
  trajectory: Trajectory;
  format: FormatReport;
  verify: { verdict: string; reward: number; facts: Record<string, unknown>; counts?: object; mode?: string } | null;
  durationMs: number;
  runDir?: string;
}

/**
 * Runs one task of an env on an awm server: creates an episode, lets the model work through
 * MCP, verifies (with the final answer, and the trajectory for a judge), runs the format
 * checks, optionally saves the run folder (trajectory.json, initial.db, final.db,
 * verify.MODE.json) as the reference lays it out, and closes the episode.
 */
export async function runTask(server: ServerClient, env: string, task: number, model: AgentModel, o: RunTaskOptions = {}): Promise<TaskRun> {
  const started = performance.now();
  const ep = await server.json<{ id: string; mcp_url: string; task: { prompt: string } }>("POST", "/v1/episodes", { env, task, tools: "none" });
  try {
    const mcp = new Client({ name: "awm-agent", version: "1" });
    await mcp.connect(new StreamableHTTPClientTransport(new URL(ep.mcp_url), { requestInit: { headers: server.headers } }));
    let trajectory: Trajectory;
    try {
      trajectory = await runAgent({ ...model, mcp, task: ep.task.prompt, scenario: env, taskId: task, episode: ep.id });
    } finally {
      await mcp.close();
    }
    const format = formatChecks(trajectory, { requireReasoning: model.requireReasoning });
    // The run is saved before verifying, so a verify that fails does not lose it: `awm verify` can redo that part.
    let runDir: string | undefined;
    if (o.outDir) {
      runDir = makeRunDir(o.outDir, `${env}_task_${task}_${ep.id.slice(3, 11)}`);
      saveTrajectory(runDir, trajectory, format);
      await (o.writeInitialDb ?? initialDbWriter(server))(env, join(runDir, "initial.db"));
      writeFileSync(join(runDir, "final.db"), new Uint8Array(await (await server.request("GET", `/v1/episodes/${ep.id}/db`)).arrayBuffer()));
    }
    let verify: TaskRun["verify"];
    try {
      verify = await server.json<TaskRun["verify"]>("POST", `/v1/episodes/${ep.id}/verify`, {
        answer: trajectory.awm.final_answer,
        ...(o.verifyMode ? { mode: o.verifyMode } : {}),
        ...(o.verifyMode === "judge" ? { trajectory: trajectory.trajectory } : {}),
      });
    } catch (err) {
      if (runDir) (err as Error).message += ` (the run is saved in ${runDir}; awm verify can verify it again)`;
      throw err;
    }
    if (runDir) {
      // Named by the mode that ran, when the server says (the default depends on the env's verifiers).
      const mode = verify?.mode ?? o.verifyMode ?? "code";
      writeFileSync(join(runDir, `verify.${mode}.json`), JSON.stringify(verifyRecord(trajectory, mode, verify), null, 4));
    }
    return { env, task, trajectory, format, verify, durationMs: performance.now() - started, runDir };
  } finally {
    await server.request("DELETE", `/v1/episodes/${ep.id}`).catch(() => {});
  }
}

/** verify.MODE.json in the reference's shape (reward_type is the verdict), plus the reward. */
export function verifyRecord(t: Trajectory, mode: string, v: TaskRun["verify"]) {
  return { scenario: t.scenario, task_id: t.task_id, task: t.task, mode, reward_type: v?.verdict ?? "judge_error", reward: v?.reward ?? 0, verify_result: v?.facts ?? {} };
}
