import { runGroup, type Command } from "./command.ts";
import { envsCheckCommand } from "./envs-check.ts";
import { envsListCommand } from "./envs-list.ts";
import { envsShowCommand } from "./envs-show.ts";

const commands = [envsListCommand, envsShowCommand, envsCheckCommand];

export const envsCommand: Command = {
  name: "envs",
  summary: "list, show and check envs",
  usage: "",
  run: (argv) => runGroup("envs", "List, show and check envs.", commands, argv),
};
