import { createHash } from 'node:crypto';
import type { EvidenceFacts, EvidenceField } from '../../src/app/invitation/evidence-facts';
import type { ViewingRefusal } from '../../src/app/invitation/open-declaration';
import { signatureSvg } from '../reports/signature-drawing';

/** Everything typed or stored goes through here before it is put in the page. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f5f5;color:#1b1b1b;line-height:1.5}
main{max-width:46rem;margin:0 auto;padding:1.5rem;background:#fff;min-height:100vh;box-sizing:border-box}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}
.sub{color:#555;margin:0 0 1rem}
.tekst{white-space:pre-wrap;border-left:3px solid #5b5fc7;padding:.5rem 1rem;background:#fafafa}
.waarschuwing{color:#a4262c;font-weight:600}
dl{display:grid;grid-template-columns:minmax(10rem,14rem) 1fr;gap:.35rem 1rem;margin:0}
dt{font-weight:600;color:#333}dd{margin:0;overflow-wrap:anywhere}
code,.jws{font-family:ui-monospace,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere;word-break:break-all}
.jws{background:#f3f3f3;padding:.5rem;display:block}
.handtekening{max-width:100%;height:auto;border:1px solid #bbb;background:#fff}
a.knop{display:inline-block;margin-top:.5rem;padding:.45rem .9rem;background:#5b5fc7;color:#fff;text-decoration:none;border-radius:4px}
a.knop:focus{outline:3px solid #1b1b1b;outline-offset:2px}
ol li{margin-bottom:.4rem}
@media (max-width:34rem){dl{grid-template-columns:1fr}dt{margin-top:.5rem}}
@media print{body{background:#fff}main{padding:0}a.knop{display:none}}
`;

/** The page's one style block, allowed by its hash: the CSP allows no other style and no script. */
const STYLE_HASH = createHash('sha256').update(STYLE, 'utf8').digest('base64');

export const evidencePageCsp = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

function fieldList(list: readonly EvidenceField[]): string {
  const rows = list
    .map(
      (f) =>
        `<dt>${escapeHtml(f.label)}</dt><dd>${f.code ? `<code>${escapeHtml(f.value)}</code>` : escapeHtml(f.value)}</dd>`,
    )
    .join('');
  return `<dl>${rows}</dl>`;
}

/** The signed declaration as a page: the text, the signature, every evidence field, the hashes. */
export function declarationPage(facts: EvidenceFacts, reportHref: string): string {
  const title = `Geheimhoudingsverklaring, casus ${facts.casusNumber}`;
  const text = facts.text
    ? `<div class="tekst">${escapeHtml(facts.text)}</div>`
    : '<p class="waarschuwing">De tekst van deze versie is niet beschikbaar.</p>';
  const mismatch = facts.textMatches
    ? ''
    : '<p class="waarschuwing">Let op: deze tekst komt niet overeen met de vastgelegde hash.</p>';
  const body = `
<h1>${escapeHtml(facts.declaration.title)}</h1>
<p class="sub">Casus ${escapeHtml(facts.casusNumber)} · ${escapeHtml(facts.organisation)} · ${escapeHtml(facts.invitee)}</p>
<p><a class="knop" href="${escapeHtml(reportHref)}">Bewijsrapport (PDF) openen</a></p>
<h2>Verklaring</h2>
${fieldList([
  { label: 'Variant', value: facts.declaration.variant },
  { label: 'Versie', value: String(facts.declaration.version) },
])}
<h2>De ondertekende tekst</h2>
${text}${mismatch}
<h2>Handtekening</h2>
<p class="sub">Getekend uit de vastgelegde punten.</p>
${signatureSvg(facts.signature, `Handtekening van ${escapeHtml(facts.invitee)}`)}
<h2>Bewijsgegevens</h2>
${fieldList(facts.evidence)}
<h2>Hashes</h2>
${fieldList(facts.hashes)}
<h2>JWS</h2>
<code class="jws">${escapeHtml(facts.jws)}</code>
<h2>Auditregel met de hash van het bewijsstuk</h2>
${fieldList(facts.auditLine)}
<h2>Zo controleer je dit bewijs</h2>
<ol>${facts.howToVerify.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>
<p class="sub">Deze link werkt kort en alleen voor jou. Deel hem niet; vraag zo nodig een nieuwe aan via "Deelnemers en verklaringen" bij de casus in Teams.</p>`;
  return page(title, body);
}

const refusals: Record<ViewingRefusal, { status: number; title: string; text: string }> = {
  ongeldig: {
    status: 404,
    title: 'Deze link is ongeldig',
    text: 'De link is onvolledig, gewijzigd of hoort niet bij casusbot. Open de verklaring opnieuw via "Deelnemers en verklaringen" bij de casus in Teams.',
  },
  verlopen: {
    status: 410,
    title: 'Deze link is verlopen',
    text: 'Een link naar een verklaring werkt 15 minuten. Open de verklaring opnieuw via "Deelnemers en verklaringen" bij de casus in Teams; dan krijg je een nieuwe link.',
  },
  'geen-toegang': {
    status: 403,
    title: 'Geen toegang',
    text: 'Je kunt deze casus niet (meer) inzien, en daarom ook deze verklaring niet.',
  },
  afgesloten: {
    status: 410,
    title: 'De casus is afgesloten',
    text: 'Met het afsluiten van de casus is de deelname van de incidentele deelnemers geëindigd, en werken links naar hun verklaringen niet meer.',
  },
};

/** A refusal as a page: what is wrong and what to do, and nothing of the casus. */
export function refusalPage(reason: ViewingRefusal | 'onbereikbaar'): {
  status: number;
  html: string;
} {
  const refusal =
    reason === 'onbereikbaar'
      ? {
          status: 503,
          title: 'Tijdelijk niet beschikbaar',
          text: 'De verklaring kan nu niet worden opgehaald. Probeer het over een paar minuten opnieuw.',
        }
      : refusals[reason];
  return {
    status: refusal.status,
    html: page(
      refusal.title,
      `<h1>${escapeHtml(refusal.title)}</h1><p>${escapeHtml(refusal.text)}</p>`,
    ),
  };
}
