import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.ts";

/** One subcommand: its usage text and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number | void>;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses flags strictly; a bad flag is a UsageError that points at --help. */
export function parseFlags<O extends Options>(command: string, argv: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: positionals, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split("\n")[0]} (see awm ${command} --help)`);
  }
}

/** Reads an integer flag. */
export function intFlag(value: string | undefined, flag: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be an integer >= ${min}, got '${value}'`);
  return n;
}

/** An integer flag that is undefined when not given, so the default of whatever takes it applies. */
export function optionalIntFlag(value: string | undefined, flag: string, min = 0): number | undefined {
  return value === undefined ? undefined : intFlag(value, flag, 0, min);
}

/** Prints a group's subcommands. */
function groupUsage(name: string, summary: string, commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `${summary}\n\nUsage: awm ${name} <command> [options]\n\nCommands:\n${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}\n\nRun 'awm ${name} <command> --help' for a command's options.\n`;
}

/** Runs the subcommand named by argv[0] from `commands`. */
export async function runGroup(name: string, summary: string, commands: Command[], argv: string[]): Promise<number | void> {
  const [sub, ...rest] = argv;
  if (!sub || sub === "--help" || sub === "-h" || sub === "help") {
    process.stdout.write(groupUsage(name, summary, commands));
    return sub ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === sub);
  if (!cmd) throw new UsageError(`unknown command 'awm ${name} ${sub}' (see awm ${name} --help)`);
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(cmd.usage);
    return 0;
  }
  return cmd.run(rest);
}
