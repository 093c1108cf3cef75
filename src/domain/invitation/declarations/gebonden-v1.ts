import type { DeclarationTemplate } from './declaration-template';

/**
 * Version 1 of the geheimhoudingsverklaring for an invitee bound by a professional secrecy, after
 * the model text in the factsheet (BGS art. 2.21 lid 2). Signed texts are evidence: never edit
 * this file, add a version instead (its hash is pinned in test/unit/invitation-declarations.test.ts).
 */
export const gebondenV1: DeclarationTemplate = {
  variant: 'gebonden',
  version: 1,
  title: 'Geheimhoudingsverklaring incidentele deelnemer (gebonden aan een geheimhoudingsplicht)',
  text: `Geheimhoudingsverklaring incidentele deelnemer
Variant: gebonden aan een geheimhoudingsplicht, versie 1

Casus: {{casusnummer}}
Ondergetekende: {{naam}}
Namens: {{organisatie}}

Ik neem als incidentele deelnemer deel aan het casusoverleg over deze ene casus (artikel 2.21 van het Besluit gegevensverwerking door samenwerkingsverbanden). Ik verklaar mij te houden aan de volgende geheimhoudingsverplichtingen.

1. Persoonsgegevens en resultaten onder de WGS
Voor de persoonsgegevens en de resultaten onder de Wet gegevensverwerking door samenwerkingsverbanden (WGS) die ik tijdens mijn deelname ontvang, geldt de geheimhoudingsplicht waaraan ik gebonden ben: {{geheimhoudingsplicht}}.
Ik beloof deze verplichting strikt na te leven.

2. Andere vertrouwelijke gegevens
Voor andere gegevens die ik tijdens mijn deelname ontvang, geldt dezelfde geheimhoudingsplicht als voor de WGS-gegevens, wanneer ik weet dat die gegevens vertrouwelijk zijn of dat redelijkerwijs moet vermoeden.

Met deze verklaring verbind ik mij aan de wettelijke eisen van vertrouwelijkheid en zorgvuldigheid bij het omgaan met gevoelige gegevens.
`,
};
