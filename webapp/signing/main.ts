import type { SigningSubmission } from '../../src/app/invitation/signing';
import { signatureField, type SignatureField } from './signature-field';
import { fitsLimits } from './strokes';
import { postSubmission, sha256Hex } from './submit';
import { detectHost, type Host } from './teams-host';

const BUSY = 'Bezig met ondertekenen…';
const SUBMIT = 'Ondertekenen';

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`signing page: #${id} missing`);
  return found;
}

interface Page {
  form: HTMLFormElement;
  text: HTMLElement;
  name: HTMLInputElement;
  consent: HTMLInputElement;
  button: HTMLButtonElement;
  message: HTMLElement;
  done: HTMLElement;
  doneText: HTMLElement;
  signature: SignatureField;
}

/** What is missing, in the order of the form; the first one gets the focus. */
function missing(page: Page): { text: string; focus?: HTMLElement }[] {
  const problems: { text: string; focus?: HTMLElement }[] = [];
  const nameMissing = page.name.value.trim().length < 2;
  page.name.setAttribute('aria-invalid', String(nameMissing));
  if (nameMissing) problems.push({ text: 'Vul uw volledige naam in.', focus: page.name });
  if (page.signature.isEmpty()) problems.push({ text: 'Teken uw handtekening in het vak.' });
  page.consent.setAttribute('aria-invalid', String(!page.consent.checked));
  if (!page.consent.checked) {
    problems.push({
      text: 'Vink aan dat u de tekst heeft gelezen en zich eraan houdt.',
      focus: page.consent,
    });
  }
  return problems;
}

function say(page: Page, text: string, kind: 'fout' | 'bezig' | 'leeg'): void {
  page.message.textContent = text;
  page.message.dataset.soort = kind;
}

function formatSignedAt(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** Says what is missing before anything is sent; false when something is. */
function complete(page: Page): boolean {
  const problems = missing(page);
  if (problems.length > 0) {
    say(page, problems.map((problem) => problem.text).join(' '), 'fout');
    problems.find((problem) => problem.focus)?.focus?.focus();
    return false;
  }
  if (!fitsLimits(page.signature.read())) {
    say(page, 'Uw handtekening is te groot om te versturen. Wis het vak en teken opnieuw.', 'fout');
    return false;
  }
  return true;
}

async function sign(page: Page, host: Host): Promise<void> {
  const signature = page.signature.read();
  const data = page.form.dataset;
  let ssoToken: string | undefined;
  if (host.kind === 'teams') {
    try {
      ssoToken = await host.ssoToken();
    } catch {
      if (data.teamsIdentityExpected === 'true') {
        say(
          page,
          'Uw aanmelding bij Teams kon niet worden opgehaald. Er is niets opgeslagen; probeer het opnieuw.',
          'fout',
        );
        return;
      }
    }
  }
  const submission: SigningSubmission = {
    token: data.token ?? '',
    shownReceipt: data.shownReceipt ?? '',
    typedName: page.name.value.trim(),
    consent: true,
    signature,
    // The hash of the text as this page shows it; outside a secure context (plain http in
    // development) the browser has no SHA-256, and the server's own hash of the text is sent.
    textSha256: (await sha256Hex(page.text.textContent)) ?? data.textSha256 ?? '',
    ...(ssoToken === undefined ? {} : { ssoToken }),
  };
  const outcome = await postSubmission(submission);
  if (!outcome.ok) {
    say(page, outcome.message, 'fout');
    return;
  }
  say(page, '', 'leeg');
  page.form.hidden = true;
  page.doneText.textContent = `U heeft de geheimhoudingsverklaring voor casus ${outcome.casusNumber} ondertekend op ${formatSignedAt(outcome.signedAt)}. U kunt deze pagina sluiten.`;
  page.done.hidden = false;
  page.done.focus();
  if (host.kind === 'teams') {
    // The server's answer as it came (the ids the bot's task/submit needs), without `ok`.
    const result: Record<string, unknown> = { ...outcome };
    delete result.ok;
    host.close({ ...result, casusNumber: outcome.casusNumber, status: 'ondertekend' });
  }
}

function start(form: HTMLFormElement): void {
  const page: Page = {
    form,
    text: element('verklaring-tekst', HTMLElement),
    name: element('naam', HTMLInputElement),
    consent: element('instemming', HTMLInputElement),
    button: element('ondertekenen-knop', HTMLButtonElement),
    message: element('melding', HTMLElement),
    done: element('gelukt', HTMLElement),
    doneText: element('gelukt-tekst', HTMLElement),
    signature: signatureField(
      element('handtekening', HTMLCanvasElement),
      element('handtekening-status', HTMLElement),
      element('wissen', HTMLButtonElement),
    ),
  };
  // Started at once: Teams has answered by the time the form is filled in.
  const host = detectHost();
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy || !complete(page)) return;
    busy = true;
    page.button.disabled = true;
    page.button.textContent = BUSY;
    form.setAttribute('aria-busy', 'true');
    say(page, BUSY, 'bezig');
    void host
      .then((found) => sign(page, found))
      .catch(() => say(page, 'Er ging iets mis op deze pagina. Er is niets verstuurd.', 'fout'))
      .finally(() => {
        busy = false;
        page.button.disabled = false;
        page.button.textContent = SUBMIT;
        form.removeAttribute('aria-busy');
      });
  });
}

const form = document.getElementById('ondertekenen');
if (form instanceof HTMLFormElement) start(form);
