/** Reward per verdict; a verdict not in the map earns 0. */
export type RewardMap = Record<string, number>;

/** The paper's and OpenEnv's defaults: complete 1.0, incomplete 0.1, format_error -1.0, otherwise 0.0. */
export const DEFAULT_REWARDS: RewardMap = { complete: 1, incomplete: 0.1, format_error: -1 };

/** The reward for a verdict under `map`. */
export function rewardFor(verdict: string, map: RewardMap): number {
  return Object.hasOwn(map, verdict) ? map[verdict]! : 0;
}
