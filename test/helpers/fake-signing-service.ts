import { declarationDigest } from '../../src/app/invitation/declaration-digest';
import {
  signingSubmissionSchema,
  type SigningRefusal,
  type SigningResult,
  type SigningService,
  type SigningSubmission,
  type SigningView,
} from '../../src/app/invitation/signing';
import { declarationText } from '../../src/domain/invitation/declarations/declaration-text';
import { fail, ok, type Result } from '../../src/domain/shared/result';

/** The one token the fake accepts; every refusal kind has a token of its own name. */
export const VALID_TOKEN = 'geldige-link';

/** An invitee whose name and organisation try to be markup: the page must show them literally. */
export const INVITEE = { naam: 'Rob de Boer <b>', organisatie: 'Woonstede & Partners' };
export const CASUS_NUMBER = 'LK-ROT-2026-0042';
/** What a signing answers beyond the contract's fields here: the ids the Teams dialog needs. */
export const SIGNED = {
  casusNumber: CASUS_NUMBER,
  invitationId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
  casusId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
};

export const REFUSALS: Record<SigningRefusal['kind'], string> = {
  'ongeldige-link': 'Deze link is niet geldig.',
  verlopen: 'Deze link is verlopen. Vraag de procesregisseur om een nieuwe link.',
  'al-ondertekend': 'Deze verklaring is al ondertekend.',
  'niet-meer-geldig': 'Deze uitnodiging geldt niet meer: de casus is afgesloten.',
  onvolledig: 'Vul uw naam in, teken en vink de verklaring aan.',
  'tekst-gewijzigd': 'De tekst die u zag is niet de tekst van deze uitnodiging.',
  'andere-gebruiker': 'U bent niet de genodigde van deze uitnodiging.',
  'tijdelijk-niet-beschikbaar':
    'De opslag antwoordde niet. Er is niets opgeslagen; probeer het later opnieuw.',
  'niet-zeker': 'Het is niet zeker of uw handtekening is vastgelegd.',
};

const refusal = (kind: SigningRefusal['kind']): SigningRefusal => ({
  kind,
  message: REFUSALS[kind],
});

function declaration(): SigningView['declaration'] {
  const document = declarationText(
    { variant: 'gebonden', version: 1 },
    { ...INVITEE, casusnummer: CASUS_NUMBER, beroepsgeheim: { soort: 'jeugdwet-7-3-11' } },
  );
  if (!document.ok) throw new Error(`fixture declaration: ${document.error}`);
  const { ref, title, text } = document.value;
  return { ...ref, title, text, sha256: declarationDigest(document.value) };
}

/**
 * A SigningService with the contract's behaviour and none of its storage: it shows the real
 * declaration text, parses a submission with the contract's schema, and records what it received.
 */
export class FakeSigningService implements SigningService {
  readonly received: { submission: unknown; userAgent: string }[] = [];
  teamsIdentityExpected = false;
  /** The next `sign` answers this instead (a refusal), or throws it (an Error). */
  next: SigningRefusal | Error | undefined;
  /** While set, `sign` waits for it: the page's progress state can be seen. */
  hold: Promise<void> | undefined;
  readonly view_: SigningView = {
    casusNumber: CASUS_NUMBER,
    invitee: INVITEE,
    declaration: declaration(),
    shownReceipt: 'ontvangstbewijs-getoond',
    teamsIdentityExpected: false,
  };

  view(token: unknown): Promise<Result<SigningView, SigningRefusal>> {
    if (token === VALID_TOKEN) {
      return Promise.resolve(
        ok({ ...this.view_, teamsIdentityExpected: this.teamsIdentityExpected }),
      );
    }
    const kinds = Object.keys(REFUSALS) as SigningRefusal['kind'][];
    return Promise.resolve(fail(refusal(kinds.find((k) => k === token) ?? 'ongeldige-link')));
  }

  async sign(
    submission: unknown,
    request: { userAgent: string },
  ): Promise<Result<SigningResult, SigningRefusal>> {
    this.received.push({ submission, userAgent: request.userAgent });
    await this.hold;
    const next = this.next;
    this.next = undefined;
    if (next instanceof Error) return Promise.reject(next);
    if (next) return Promise.resolve(fail(next));
    const parsed = signingSubmissionSchema.safeParse(submission);
    if (!parsed.success) return Promise.resolve(fail(refusal('onvolledig')));
    if (parsed.data.token !== VALID_TOKEN) return Promise.resolve(fail(refusal('ongeldige-link')));
    if (parsed.data.textSha256 !== this.view_.declaration.sha256) {
      return Promise.resolve(fail(refusal('tekst-gewijzigd')));
    }
    return Promise.resolve(ok({ ...SIGNED, signedAt: '2026-12-02T08:15:00.000Z' }));
  }

  /** The last submission received, as the contract types it (it was parsed above). */
  lastSubmission(): SigningSubmission {
    const last = this.received.at(-1);
    if (!last) throw new Error('nothing was submitted');
    return signingSubmissionSchema.parse(last.submission);
  }
}
