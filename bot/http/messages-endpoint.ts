import express, { type RequestHandler } from 'express';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../../src/logging/logger';
import type { CasusbotAdapter } from '../adapter';
import { lateTurnResponse } from './late-turn-response';
import type { BotTokenVerifier } from './bot-token';
import { parseInboundActivity, tenantsOf } from './inbound-activity';

/** Teams waits 5 s for an invoke's answer; the turn answers before that, whatever is still running. */
export const TURN_ANSWER_DEADLINE_MS = 4500;

/**
 * botbuilder fetches the channel's signing keys itself, without a time limit, at its first
 * request and daily: a slow key service must not hold the request past Teams' limit.
 */
const AUTHENTICATION_TIMEOUT_MS = 3000;

/** Teams activities are small; a large body is a mistake or an attack. */
const BODY_LIMIT = '256kb';

export interface MessagesDependencies {
  adapter: CasusbotAdapter;
  logic(context: TurnContext): Promise<void>;
  logger: Logger;
  /** Production: every request needs a valid Bot Framework token, checked before its body is read. */
  tokens?: BotTokenVerifier;
  /** Production: only activities of this Entra tenant are served. */
  allowedTenantId?: string;
  /** Keeps track of turns, so shutdown can wait for them (also for those answered late). */
  track(work: Promise<unknown>): void;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * POST /api/messages, in the order that tells a stranger nothing and costs least: the token (401),
 * the body (400), the tenant (403), botbuilder's own authentication (401), then the turn. Each
 * refusal is one log line with bounded, known fields: never the body, never a caller's string.
 */
export function messagesEndpoint(deps: MessagesDependencies): RequestHandler[] {
  const { logger } = deps;
  const refuse = (
    res: express.Response,
    status: 400 | 401 | 403 | 503,
    reason: string,
    fields: Record<string, unknown> = {},
  ): void => {
    logger.warn({ status, reason, ...fields }, 'request refused');
    res.status(status).json({ error: reason });
  };

  const authenticateToken: RequestHandler = async (req, res, next) => {
    if (!deps.tokens) return next();
    const check = await deps.tokens.verify(req.get('authorization'));
    if (check.ok) return next();
    // Keys that cannot be fetched are this side's failure: the Bot Service retries a 503.
    if (check.reason === 'keys-unavailable')
      return refuse(res, 503, 'authentication unavailable', { why: check.reason });
    refuse(res, 401, 'unauthorized', { why: check.reason });
  };

  const turn: RequestHandler = async (req, res) => {
    const parsed = parseInboundActivity(req.body);
    if (!parsed.ok) return refuse(res, 400, 'not a valid activity', { fields: parsed.problems });
    const { activity } = parsed;
    if (deps.allowedTenantId) {
      const tenants = tenantsOf(activity);
      const foreign = tenants.find((tenant) => tenant !== deps.allowedTenantId);
      if (tenants.length === 0 || foreign !== undefined) {
        return refuse(res, 403, 'tenant not allowed', {
          tenant: foreign && guid.test(foreign) ? foreign : '(not a tenant id)',
        });
      }
    }
    const authenticated = await withinTime(
      deps.adapter.authenticate(activity, req.get('authorization') ?? ''),
      AUTHENTICATION_TIMEOUT_MS,
    );
    if (authenticated.kind === 'late') {
      return refuse(res, 503, 'authentication unavailable', { why: 'botbuilder-keys-late' });
    }
    if (authenticated.kind === 'failed') {
      return refuse(res, 401, 'unauthorized', { why: 'botbuilder-refused' });
    }
    const response = await answerWithin(deps, authenticated.value, activity);
    res.status(response.status);
    if (response.body === undefined) res.end();
    else res.json(response.body);
  };

  return [authenticateToken, express.json({ limit: BODY_LIMIT }), turn];
}

type Outcome<T> = { kind: 'done'; value: T } | { kind: 'failed' } | { kind: 'late' };

/** How a promise ended, or that it had not after `ms` (it goes on; its failure stays handled). */
async function withinTime<T>(work: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(resolve, ms, { kind: 'late' });
  });
  try {
    return await Promise.race([
      work.then(
        (value): Outcome<T> => ({ kind: 'done', value }),
        (): Outcome<T> => ({ kind: 'failed' }),
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the turn; if it has not finished by the deadline, answers without it and lets it finish. */
async function answerWithin(
  deps: MessagesDependencies,
  authenticated: AuthenticateRequestResult,
  activity: Activity,
): Promise<InvokeResponse> {
  const work = deps.adapter
    .runTurn(authenticated, activity, (context) => deps.logic(context))
    .then(
      (response) => response ?? { status: 200 },
      (error: unknown) => {
        deps.logger.error({ err: error, activityId: activity.id }, 'turn failed');
        return { status: 500, body: { error: 'internal error' } };
      },
    );
  deps.track(work);
  const outcome = await withinTime(work, TURN_ANSWER_DEADLINE_MS);
  if (outcome.kind === 'done') return outcome.value; // `work` maps its own failures to a 500
  deps.logger.warn(
    { activityId: activity.id, activityType: activity.type, deadlineMs: TURN_ANSWER_DEADLINE_MS },
    'turn answered before it finished',
  );
  return lateTurnResponse(activity);
}
