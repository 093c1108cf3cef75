import type { DeclarationTemplate } from './declaration-template';

/**
 * Version 1 of the geheimhoudingsverklaring for an invitee without a special secrecy duty, after the
 * model text in the factsheet (BGS art. 2.21 lid 2, WGS art. 1.11). Signed texts are evidence: never
 * edit this file, add a version instead (its hash is pinned in test/unit/invitation-declarations.test.ts).
 */
export const nietGebondenV1: DeclarationTemplate = {
  variant: 'niet-gebonden',
  version: 1,
  title: 'Geheimhoudingsverklaring incidentele deelnemer (geen bijzondere geheimhoudingsplicht)',
  text: `Geheimhoudingsverklaring incidentele deelnemer
Variant: niet gebonden aan een bijzondere geheimhoudingsplicht, versie 1

Casus: {{casusnummer}}
Ondergetekende: {{naam}}
Namens: {{organisatie}}

Ik neem als incidentele deelnemer deel aan het casusoverleg over deze ene casus (artikel 2.21 van het Besluit gegevensverwerking door samenwerkingsverbanden). Ik verklaar mij te houden aan de volgende geheimhoudingsverplichtingen.

1. Geheimhouding volgens de WGS
Voor de persoonsgegevens en de resultaten onder de Wet gegevensverwerking door samenwerkingsverbanden (WGS) die ik tijdens mijn deelname ontvang, geldt de geheimhoudingsplicht van artikel 1.11 WGS.
Ik beloof deze verplichting strikt na te leven.

2. Andere vertrouwelijke gegevens
De geheimhoudingsplicht geldt ook voor andere gegevens die ik tijdens mijn deelname ontvang, wanneer:
- het vertrouwelijke karakter van die gegevens mij bekend is, of
- ik redelijkerwijs moet vermoeden dat die gegevens vertrouwelijk zijn.

Met deze verklaring bevestig ik dat ik mij aan de wettelijke eisen van vertrouwelijkheid houd en zorgvuldig omga met alle gevoelige informatie die ik tijdens mijn deelname ontvang.
`,
};
