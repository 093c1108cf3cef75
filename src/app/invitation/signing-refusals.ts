import type { SigningRefusal } from './signing';

type Kind = SigningRefusal['kind'];

/** The Dutch text per refusal, shown on the signing page and in the Teams dialog as is. */
const messages: Record<Kind, string> = {
  'ongeldige-link':
    'Deze link is niet geldig. Vraag degene die je uitnodigde om een nieuwe link. Er is niets vastgelegd.',
  verlopen:
    'Deze link is verlopen. Vraag degene die je uitnodigde om een nieuwe link. Er is niets vastgelegd.',
  'al-ondertekend':
    'Deze geheimhoudingsverklaring is al ondertekend. De link werkt daarom niet meer.',
  'niet-meer-geldig':
    'Deze uitnodiging is niet meer geldig: ze is beëindigd of afgewezen, of de casus is afgesloten. Er is niets vastgelegd.',
  onvolledig:
    'Vul je naam in, zet je handtekening en vink aan dat je de verklaring ondertekent. Er is niets vastgelegd.',
  'tekst-gewijzigd':
    'De tekst die je zag is niet de tekst van deze uitnodiging. Open de link opnieuw. Er is niets vastgelegd.',
  'andere-gebruiker':
    'Je bent in Teams aangemeld als iemand anders dan de genodigde. Alleen de genodigde kan deze verklaring ondertekenen. Er is niets vastgelegd.',
  'tijdelijk-niet-beschikbaar':
    'casusbot kan dit nu even niet verwerken. Er is niets vastgelegd; probeer het over enkele minuten opnieuw.',
  'niet-zeker':
    'Het is niet zeker of je handtekening is vastgelegd. Open de link over enkele minuten opnieuw: staat er dat de verklaring al is ondertekend, dan is het gelukt.',
};

/** Where a refusal needs a more precise text than its kind's. */
const variants = {
  /** The page (its receipt) was open longer than the receipt lasts; the link itself may be fine. */
  'pagina-verlopen':
    'De pagina stond te lang open. Open de link opnieuw om de verklaring te ondertekenen. Er is niets vastgelegd.',
  /** Inside the Teams dialog without a Teams identity that could be confirmed. */
  'teams-identiteit-ontbreekt':
    'Ondertekenen in Teams vraagt je Teams-aanmelding, en die kon niet worden bevestigd. Sluit het venster en probeer het opnieuw. Er is niets vastgelegd.',
} as const;

export function refusal(kind: Kind, variant?: keyof typeof variants): SigningRefusal {
  return { kind, message: variant ? variants[variant] : messages[kind] };
}
