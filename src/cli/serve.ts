import { UsageError } from "../errors.ts";
import { SERVER_DEFAULTS, startServer, type RunningServer } from "../http/server.ts";
import { RUNTIME_DEFAULTS } from "../runtime/runtime.ts";
import { DEFAULT_REWARDS } from "../verify/reward.ts";
import { intFlag, optionalIntFlag, parseFlags, type Command } from "./command.ts";
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
${envFlagsUsage}  --max-episodes N       live episodes before create answers 429 (default ${RUNTIME_DEFAULTS.maxEpisodes})
  --max-calls-per-episode N  tool calls one episode may make (default ${RUNTIME_DEFAULTS.maxCallsPerEpisode})
  --ttl S                close episodes idle this many seconds (default ${RUNTIME_DEFAULTS.ttlS})
  --max-body-mb N        largest request body (default ${SERVER_DEFAULTS.maxBodyBytes / 1048576})
  --memory-limit-mb N    resident memory above which a worker stuck in a call is replaced
                         (default: half the machine's memory, at least 2048)
  --token TOKEN          require Authorization: Bearer TOKEN on every route (or AWM_TOKEN)
  --log-format F         text (default) or json
  --access-log           one log line per request
  --shutdown-grace-s S   on SIGTERM, how long requests in flight may finish (default ${SERVER_DEFAULTS.shutdownGraceMs / 1000})
  --keep-episodes DIR    on shutdown, write every live episode's database here
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
      "max-calls-per-episode": { type: "string" },
      "max-body-mb": { type: "string" },
      "memory-limit-mb": { type: "string" },
      token: { type: "string" },
      "log-format": { type: "string" },
      "access-log": { type: "boolean" },
      "shutdown-grace-s": { type: "string" },
      "keep-episodes": { type: "string" },
      ...judgeFlags,
    });
    const logFormat = values["log-format"] ?? "text";
    if (logFormat !== "text" && logFormat !== "json") throw new UsageError(`--log-format must be text or json, got '${logFormat}'`);
    const maxBodyMb = optionalIntFlag(values["max-body-mb"], "max-body-mb", 1);
    const graceS = optionalIntFlag(values["shutdown-grace-s"], "shutdown-grace-s", 0);
    const server = await startServer({
      ...runtimeOptions(values),
      port: intFlag(values.port, "port", 8080),
      host: values.host ?? "127.0.0.1",
      maxEpisodes: optionalIntFlag(values["max-episodes"], "max-episodes", 1),
      maxCallsPerEpisode: optionalIntFlag(values["max-calls-per-episode"], "max-calls-per-episode", 1),
      maxBodyBytes: maxBodyMb === undefined ? undefined : maxBodyMb * 1048576,
      memoryLimitMb: optionalIntFlag(values["memory-limit-mb"], "memory-limit-mb", 64),
      token: values.token ?? process.env.AWM_TOKEN,
      logFormat,
      accessLog: values["access-log"] === true,
      shutdownGraceMs: graceS === undefined ? undefined : graceS * 1000,
      keepEpisodesDir: values["keep-episodes"],
      ttlS: optionalIntFlag(values.ttl, "ttl", 1),
      rewards: parseRewards(values.reward ?? []),
      publicUrl: values["public-url"]?.replace(/\/$/, ""),
      judge: judgeFrom(values, process.env),
      onLoadProgress: loadProgress(),
    });
    const { log } = server;
    const r = server.runtime.registry;
    log(`awm: serving ${r.size} envs${r.broken.length ? ` (${r.broken.length} broken, skipped)` : ""} at ${server.url}`);
    log(`awm: POST ${server.url}/v1/episodes {"env": "${r.list()[0]?.name ?? "NAME"}"} to start an episode`);
    await untilSignal(server, log);
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
export function untilSignal(server: RunningServer, log: (line: string) => void = (l) => console.error(l)): Promise<void> {
  return new Promise((resolve) => {
    const stop = async (signal: string) => {
      log(`awm: ${signal}, shutting down`);
      await server.stop();
      resolve();
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
  });
}
