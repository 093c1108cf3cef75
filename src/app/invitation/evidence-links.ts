import type { LinkTokens } from '../links/link-tokens';

/** A viewing link lives long enough to open it and print the report, not long enough to pass on. */
export const VIEWING_LINK_SECONDS = 15 * 60;

export interface DeclarationLinks {
  /** `GET /verklaring/<token>`: the declaration, its signature and its evidence, as a page. */
  view: string;
  /** `GET /verklaring/<token>/rapport.pdf`: the printable evidence report. */
  report: string;
  expiresAt: Date;
}

/**
 * Issues the links behind "Verklaring bekijken" and "Bewijsrapport (PDF)": a fresh token per
 * press, bound to the invitation, the casus and the person who pressed, expiring.
 */
export class EvidenceLinks {
  constructor(
    private readonly tokens: LinkTokens,
    /** The bot's public address; known only once the server listens when it is not configured. */
    private readonly baseUrl: () => string,
    private readonly newId: () => string,
  ) {}

  async forDeclaration(subject: {
    invitationId: string;
    casusId: string;
    personId: string;
  }): Promise<DeclarationLinks> {
    const { token, expiresAt } = await this.tokens.issue(
      'verklaring-bekijken',
      subject,
      VIEWING_LINK_SECONDS,
      this.newId(),
    );
    const view = `${this.baseUrl().replace(/\/+$/, '')}/verklaring/${encodeURIComponent(token)}`;
    return { view, report: `${view}/rapport.pdf`, expiresAt };
  }
}
