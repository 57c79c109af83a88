import { UsageError } from "../errors.ts";
import { startServer, type RunningServer } from "../http/server.ts";
import { DEFAULT_REWARDS } from "../verify/reward.ts";
import { intFlag, parseFlags, type Command } from "./command.ts";
import { judgeFlags, judgeFlagsUsage, judgeFrom } from "./agent-flags.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";
import { loadProgress } from "./progress.ts";

export const serveCommand: Command = {
  name: "serve",
  summary: "serve the envs to rollout workers over HTTP and MCP",
  usage: `Serve envs: create episodes, talk MCP to them, verify, close.

Usage: awm serve [options]

Options:
  --port N               port to listen on (default 8080; 0 picks a free one)
  --host ADDR            address to bind (default 127.0.0.1; 0.0.0.0 for all)
${envFlagsUsage}  --max-episodes N       live episodes before create answers 429 (default 10000)
  --ttl S                close episodes idle this many seconds (default 600)
  --reward VERDICT=R     reward for a verdict (defaults complete=1 incomplete=0.1 format_error=-1); repeatable
  --public-url URL       base of the mcp_url handed out (default: the URL the request came to)
${judgeFlagsUsage}  -h, --help             show this help
`,
  async run(argv) {
    const { values } = parseFlags("serve", argv, {
      ...envFlags,
      port: { type: "string" },
      host: { type: "string" },
      "max-episodes": { type: "string" },
      ttl: { type: "string" },
      reward: { type: "string", multiple: true },
      "public-url": { type: "string" },
      ...judgeFlags,
    });
    const server = await startServer({
      ...runtimeOptions(values),
      port: intFlag(values.port, "port", 8080),
      host: values.host ?? "127.0.0.1",
      maxEpisodes: intFlag(values["max-episodes"], "max-episodes", 10_000, 1),
      ttlS: intFlag(values.ttl, "ttl", 600, 1),
      rewards: parseRewards(values.reward ?? []),
      publicUrl: values["public-url"]?.replace(/\/$/, ""),
      judge: judgeFrom(values, process.env),
      onLoadProgress: loadProgress(),
    });
    const r = server.runtime.registry;
    console.error(`awm: serving ${r.size} envs${r.broken.length ? ` (${r.broken.length} broken, skipped)` : ""} at ${server.url}`);
    console.error(`awm: POST ${server.url}/v1/episodes {"env": "${r.list()[0]?.name ?? "NAME"}"} to start an episode`);
    await untilSignal(server);
  },
};

function parseRewards(pairs: string[]) {
  const rewards = { ...DEFAULT_REWARDS };
  for (const p of pairs) {
    const m = /^([a-z_]+)=(-?\d+(?:\.\d+)?)$/.exec(p);
    if (!m) throw new UsageError(`--reward takes VERDICT=NUMBER, like complete=1; got '${p}'`);
    rewards[m[1]!] = Number(m[2]);
  }
  return rewards;
}

/** Waits for SIGINT or SIGTERM, then stops the server. */
export function untilSignal(server: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    const stop = async (signal: string) => {
      console.error(`awm: ${signal}, shutting down`);
      await server.stop();
      resolve();
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
  });
}
