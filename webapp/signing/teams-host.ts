import { app, authentication, dialog } from '@microsoft/teams-js';

/** Teams answers initialize within a second; a page framed by something else never hears back. */
const INITIALIZE_TIMEOUT_MS = 4000;

/** Where the page runs: as a Teams dialog (with SSO and `dialog.url.submit`), or as a plain page. */
export type Host =
  | { kind: 'teams'; ssoToken(): Promise<string>; close(result: DialogResult): void }
  | { kind: 'browser' };

/**
 * What the bot's `task/submit` receives when the dialog closes: the server's answer as it came
 * (the `SigningResult`, with whatever ids the dialog needs to find the invitation) and the status.
 */
export interface DialogResult {
  status: 'ondertekend';
  casusNumber: string;
  [field: string]: unknown;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Teams opens the page in an iframe; only there is teams-js initialised. teams-js itself checks
 * that the parent is a Microsoft host (its list of trusted origins), so a page framed elsewhere
 * times out here and stays a plain page.
 */
export async function detectHost(): Promise<Host> {
  if (window.parent === window) return { kind: 'browser' };
  try {
    await withTimeout(app.initialize(), INITIALIZE_TIMEOUT_MS);
    await withTimeout(app.getContext(), INITIALIZE_TIMEOUT_MS);
    app.notifySuccess().catch(() => undefined);
  } catch {
    return { kind: 'browser' };
  }
  return {
    kind: 'teams',
    // Asked at each submit: an SSO token lives an hour, a page may stay open longer.
    ssoToken: () => authentication.getAuthToken(),
    close: (result) => dialog.url.submit(result),
  };
}
