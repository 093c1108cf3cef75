import type { Response } from 'express';

/**
 * The hosts that may frame the signing page: Teams and the other Microsoft 365 clients that open a
 * Teams dialog. From Microsoft's "Prerequisites" for tabs and dialogs (Content-Security-Policy
 * frame-ancestors, https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements,
 * read 2026-12): all hosts `*.cloud.microsoft` (where the web clients are moving), Teams
 * `teams.microsoft.com` and `*.teams.microsoft.com`, Microsoft 365 `*.microsoft365.com` and
 * `*.office.com`. The Outlook-only hosts on that page are left out: a bot's dialog opens in Teams.
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
] as const;

/**
 * teams-js fetches its current list of trusted host origins from this CDN and falls back to the
 * list it was built with when it cannot: allowed so a Teams host added since the build is trusted.
 */
const TEAMS_JS_ORIGINS_CDN = 'https://res.cdn.office.net';

/** The page's only script and style are the bundle this server serves; nothing inline runs. */
export const SIGNING_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${TEAMS_JS_ORIGINS_CDN}`,
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/**
 * Headers of every signing response. The link token is in the page's URL: no referrer may carry
 * it elsewhere, and no cache may keep the page (or a refusal) for the next person on the machine.
 */
export function setSigningHeaders(res: Response, kind: 'page' | 'asset' | 'api'): void {
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Referrer-Policy', 'no-referrer');
  res.set('Cache-Control', kind === 'asset' ? 'no-cache' : 'no-store');
  if (kind === 'page') res.set('Content-Security-Policy', SIGNING_PAGE_CSP);
}
