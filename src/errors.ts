/**
 * Every error awm reports on purpose. A user error (4xx) says what to change; anything
 * else is a system error and points at the log. The HTTP layer maps `status`, the CLI
 * maps user errors to one line and exit code 2.
 */
export class AwmError extends Error {
  override name = "AwmError";
  constructor(
    message: string,
    readonly status: number = 400,
    readonly code: string = "bad_request",
  ) {
    super(message);
  }
}

export class BadRequestError extends AwmError {
  override name = "BadRequestError";
  constructor(message: string) {
    super(message, 400, "bad_request");
  }
}

export class EnvNotFoundError extends AwmError {
  override name = "EnvNotFoundError";
  constructor(env: string) {
    super(`unknown env '${env}'`, 404, "env_not_found");
  }
}

export class EpisodeNotFoundError extends AwmError {
  override name = "EpisodeNotFoundError";
  constructor(id: string) {
    super(`unknown episode '${id}' (closed, expired, or never created)`, 404, "episode_not_found");
  }
}

/** The episode's worker was replaced (a call ran past its time limit, or env code crashed it). */
export class EpisodeLostError extends AwmError {
  override name = "EpisodeLostError";
  constructor(id: string, reason: string) {
    super(`episode '${id}' was lost: ${reason}; close it and create a new one`, 410, "episode_lost");
  }
}

export class TooManyEpisodesError extends AwmError {
  override name = "TooManyEpisodesError";
  constructor(
    limit: number,
    readonly retryAfterS: number,
  ) {
    super(`the server holds its limit of ${limit} live episodes; close some or retry later`, 429, "too_many_episodes");
  }
}

/**
 * An episode that made all the tool calls it may. 409, not 429: the episode will never take
 * another call, so a client that retries on 429 would only wait in vain.
 */
export class CallLimitError extends AwmError {
  override name = "CallLimitError";
  constructor(id: string, limit: number) {
    super(`episode ${id} has made its ${limit} calls, the limit; close it and start another`, 409, "call_limit");
  }
}

/** Every tool worker slot is down (workers die before they are ready: a broken install). */
export class NoWorkersError extends AwmError {
  override name = "NoWorkersError";
  constructor(reason: string) {
    super(`no tool worker is running: ${reason}`, 503, "no_workers");
  }
}

/** An env that cannot be loaded; the message names the file and the problem. */
export class EnvLoadError extends AwmError {
  override name = "EnvLoadError";
  constructor(
    readonly env: string,
    reason: string,
  ) {
    super(reason, 422, "env_invalid");
  }
}

/** A user error from the command line: bad flags, missing files. */
export class UsageError extends AwmError {
  override name = "UsageError";
}
