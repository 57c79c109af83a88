import { startServer } from "../http/server.ts";
import { UsageError } from "../errors.ts";
import { intFlag, parseFlags, type Command } from "./command.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";
import { untilSignal } from "./serve.ts";

export const envStartCommand: Command = {
  name: "start",
  summary: "serve one env with one implicit episode at /mcp (as the reference does)",
  usage: `Serve one env the way the reference's 'awm env start' does: one episode, MCP at /mcp.

Usage: awm env start --scenario NAME [options]

Options:
  --scenario NAME        the env to serve (required)
  --task N               the episode's task (default 0)
  --port N               port (default 8001)
  --host ADDR            address to bind (default 127.0.0.1)
${envFlagsUsage}  -h, --help             show this help
`,
  async run(argv) {
    const { values } = parseFlags("env start", argv, {
      ...envFlags,
      scenario: { type: "string" },
      task: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
    });
    if (!values.scenario) throw new UsageError("--scenario NAME is required (see awm env start --help)");
    const server = await startServer({
      ...runtimeOptions(values),
      port: intFlag(values.port, "port", 8001),
      host: values.host ?? "127.0.0.1",
      implicit: { env: values.scenario, task: intFlag(values.task, "task", 0) },
    });
    console.error(`awm: env ${values.scenario} at ${server.url}/mcp (episode ${server.implicitEpisode})`);
    await untilSignal(server);
  },
};
