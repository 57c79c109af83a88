#!/usr/bin/env bun
import { AwmError } from "../errors.ts";
import { agentCommand } from "./agent.ts";
import { VERSION } from "../version.ts";
import type { Command } from "./command.ts";
import { envCommand } from "./env.ts";
import { envsCommand } from "./envs.ts";
import { exportCommand } from "./export.ts";
import { genCommand } from "./gen.ts";
import { importCommand } from "./import.ts";
import { portCommand } from "./port.ts";
import { rolloutCommand } from "./rollout.ts";
import { serveCommand } from "./serve.ts";
import { verifyCommand } from "./verify.ts";

const commands: Command[] = [serveCommand, envsCommand, envCommand, agentCommand, rolloutCommand, verifyCommand, genCommand, importCommand, exportCommand, portCommand];

const USAGE = `awm ${VERSION}: database-backed tool-use environments for agentic RL, served over MCP.

Usage: awm <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join("\n")}

Run 'awm <command> --help' for a command's options.
`;

/** Runs the CLI; the one place that turns errors into messages and exit codes. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === "--help" || name === "-h" || name === "help") {
      process.stdout.write(USAGE);
      return name ? 0 : 2;
    }
    if (name === "--version" || name === "-v") {
      console.log(VERSION);
      return 0;
    }
    const cmd = commands.find((c) => c.name === name);
    if (!cmd) {
      console.error(`awm: unknown command '${name}' (see awm --help)`);
      return 2;
    }
    if (cmd.usage && (rest.includes("--help") || rest.includes("-h"))) {
      process.stdout.write(cmd.usage);
      return 0;
    }
    return (await cmd.run(rest)) ?? 0;
  } catch (err) {
    if (err instanceof AwmError && err.status < 500) {
      console.error(`awm: ${err.message}`);
      return 2;
    }
    console.error(`awm: internal error: ${(err as Error).stack ?? err}`);
    return 1;
  }
}

if (import.meta.main) process.exit(await runCli(process.argv.slice(2)));
