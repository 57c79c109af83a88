import { AwmError, UsageError } from "../errors.ts";

/** The control API of an awm server, as the agent and rollout use it. */
export interface ServerClient {
  /** The base URL, without a trailing slash. */
  url: string;
  /** Headers every request carries (the bearer token, when there is one); the MCP transport sends them too. */
  headers: Record<string, string>;
  /** A request whose answer is 2xx; anything else throws a one-line error with the server's message. */
  request(method: string, path: string, body?: unknown): Promise<Response>;
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** A client for the server at `url`, sending `Authorization: Bearer TOKEN` when a token is given. */
export function serverClient(url: string, token?: string): ServerClient {
  const base = url.replace(/\/+$/, "");
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const request = async (method: string, path: string, body?: unknown) => {
    let res: Response;
    try {
      res = await fetch(base + path, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { ...headers, "content-type": "application/json" } });
    } catch (err) {
      throw new UsageError(`cannot reach the awm server at ${base}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new AwmError(`${method} ${path} answered ${res.status}: ${await errorMessage(res)}`, res.status, "server_error");
    return res;
  };
  return { url: base, headers, request, json: async (method, path, body) => (await request(method, path, body)).json() };
}

async function errorMessage(res: Response): Promise<string> {
  const text = await res.text();
  let message = text;
  try {
    message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {}
  message = message.slice(0, 300);
  return res.status === 401 ? `${message} (pass --token TOKEN or set AWM_TOKEN)` : message;
}
