import type { SigningRefusal, SigningView } from '../../src/app/invitation/signing';

/** Where the page's bundle is served; the page loads nothing else. */
export const SIGNING_ASSET_PATHS = {
  script: '/ondertekenen/app.js',
  style: '/ondertekenen/app.css',
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: literal, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${SIGNING_ASSET_PATHS.style}">
<script src="${SIGNING_ASSET_PATHS.script}" defer></script>
</head>
<body>
<main id="inhoud">
${body}
</main>
</body>
</html>
`;
}

/**
 * The signing page. The page's script reads what it posts back from the form's data attributes
 * (the link token, the receipt of when the text was shown): no inline script, so the CSP can
 * forbid every inline script. The declaration is shown as the exact text, whitespace kept, and
 * nothing about the betrokkene: the casus by its number only.
 */
export function renderSigningPage(view: SigningView, token: string): string {
  const { declaration, invitee } = view;
  const e = escapeHtml;
  return document(
    `Geheimhoudingsverklaring ondertekenen – casus ${view.casusNumber}`,
    `<header class="kop">
<p class="casus">Casus ${e(view.casusNumber)}</p>
<h1>${e(declaration.title)}</h1>
<p class="voor">Voor <strong>${e(invitee.naam)}</strong>, ${e(invitee.organisatie)}</p>
</header>
<section class="verklaring" aria-labelledby="verklaring-kop">
<h2 id="verklaring-kop">Tekst van de verklaring</h2>
<div id="verklaring-tekst" class="verklaring-tekst">${e(declaration.text)}</div>
<p class="versie">Versie ${declaration.version} · SHA-256 van deze tekst: <code>${e(declaration.sha256)}</code></p>
</section>
<form id="ondertekenen" class="ondertekenen" novalidate
 data-token="${e(token)}"
 data-shown-receipt="${e(view.shownReceipt)}"
 data-text-sha256="${e(declaration.sha256)}"
 data-casus-number="${e(view.casusNumber)}"
 data-teams-identity-expected="${view.teamsIdentityExpected ? 'true' : 'false'}">
<h2>Ondertekenen</h2>
<div class="veld">
<label for="naam">Uw volledige naam</label>
<input id="naam" name="naam" type="text" autocomplete="name" required minlength="2" maxlength="100" aria-describedby="naam-uitleg">
<p id="naam-uitleg" class="uitleg">Zoals u de verklaring ondertekent.</p>
</div>
<div class="veld">
<p id="handtekening-label" class="label">Handtekening</p>
<p id="handtekening-uitleg" class="uitleg">Teken uw handtekening in het vak hieronder, met de muis, een pen of uw vinger. Het tekenen zelf kan niet met het toetsenbord; de knop Wissen maakt het vak weer leeg.</p>
<div class="handtekening-vak">
<canvas id="handtekening" role="img" aria-labelledby="handtekening-label" aria-describedby="handtekening-uitleg handtekening-status"></canvas>
</div>
<p id="handtekening-status" class="uitleg">Nog geen handtekening getekend.</p>
<button type="button" id="wissen" class="secundair">Wissen</button>
</div>
<div class="veld instemming">
<input id="instemming" name="instemming" type="checkbox" required>
<label for="instemming">Ik heb de tekst hierboven gelezen en verklaar mij eraan te houden.</label>
</div>
<div id="melding" class="melding" role="status" aria-live="polite"></div>
<button type="submit" id="ondertekenen-knop" class="primair">Ondertekenen</button>
</form>
<section id="gelukt" class="gelukt" hidden tabindex="-1" aria-labelledby="gelukt-kop">
<h2 id="gelukt-kop">Ondertekend</h2>
<p id="gelukt-tekst"></p>
</section>`,
  );
}

/**
 * A link that cannot be used, in the refusal's own words: they say whether anything was stored,
 * which only the use case knows (after an unanswered write it may not be "nothing").
 */
export function renderRefusalPage(refusal: SigningRefusal): string {
  return document(
    'Ondertekenen niet mogelijk',
    `<section class="geweigerd" aria-labelledby="geweigerd-kop">
<h1 id="geweigerd-kop">Ondertekenen niet mogelijk</h1>
<p class="reden">${escapeHtml(refusal.message)}</p>
</section>`,
  );
}
