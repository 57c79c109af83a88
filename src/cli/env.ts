import { runGroup, type Command } from "./command.ts";
import { envStartCommand } from "./env-start.ts";

const commands = [envStartCommand];

export const envCommand: Command = {
  name: "env",
  summary: "reference-compatible single-env commands",
  usage: "",
  run: (argv) => runGroup("env", "Reference-compatible single-env commands.", commands, argv),
};
