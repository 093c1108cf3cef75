/**
 * For specs that change the registry behind the bot's back (as an import on another machine
 * would): a bot that uses no registry snapshot older than 200 ms, and the wait after a change
 * until every turn sees it — the documented bound (REGISTRY_MAX_AGE_MS), not a shortcut.
 */
export const SHORT_REGISTRY_BOUND = { REGISTRY_MAX_AGE_MS: '200' } as const;

export const registryChangeSeen = (): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 250));
