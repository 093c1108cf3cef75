import type { InzageSource } from '../../src/app/betrokkene/gather-inzage';
import type { Actor } from '../../src/app/identify-actor';
import type { FieldSource } from '../../src/domain/betrokkene/betrokkene-fields';
import { invitationStateLabels } from '../../src/domain/invitation/invitation-machine';
import type { Kamer, Organisation } from '../../src/domain/registry/registry.schema';
import { accessLines } from '../presenters/access-lines';
import { casusStateLabels, formatDate, formatDateTime } from '../presenters/casus-status';
import { fieldsOf } from './inzage-fields';

/** The inzage as the betrokkene receives it: the PDF is drawn from it, the JSON is it. */
export interface InzageDocument {
  titel: string;
  gemaaktOp: string;
  gemaaktDoor: string;
  toelichting: string;
  casussen: InzageCasus[];
}

export interface InzageCasus {
  casusnummer: string;
  kamer: string;
  status: string;
  aangemeldOp: string;
  laatsteWijziging: string;
  gegevens: {
    bron: FieldSource;
    titel: string;
    velden: { veld: string; categorie: string; doel: string; waarden: string[] }[];
  }[];
  doelen: string[];
  ontvangers: {
    deelnemers: {
      naam: string;
      organisatie: string;
      rollen: string;
      wat: string[];
      eerste: string;
      laatste: string;
    }[];
    /** The access log held more lines than were read: the list may be incomplete. */
    volledig: boolean;
    incidenteleDeelnemers: {
      organisatie: string;
      contactpersoon: string;
      status: string;
      gedeeld: { op: string; doel: string }[];
    }[];
  };
  bewaartermijn: string;
}

const PURPOSE =
  'De deelnemers van het Zorg- en Veiligheidshuis verwerken deze gegevens om hun aanpak van de casus af te stemmen, om criminaliteit, ernstige overlast en onveilige situaties te voorkomen of te verminderen (art. 2.25 WGS).';

function recipients(
  source: InzageSource,
  kamers: readonly Kamer[],
  organisations: readonly Organisation[],
): InzageCasus['ontvangers'] {
  const lines = accessLines(
    source.access.filter((r) => r.result !== 'refused' && r.actor.personId !== 'systeem'),
    kamers,
    organisations,
  );
  const byPerson = new Map<string, InzageCasus['ontvangers']['deelnemers'][number]>();
  for (const line of lines) {
    const key = `${line.wie}|${line.organisatie}`;
    const known = byPerson.get(key);
    if (known) {
      if (!known.wat.includes(line.wat)) known.wat.push(line.wat);
      known.laatste = line.wanneer;
    } else {
      byPerson.set(key, {
        naam: line.wie,
        organisatie: line.organisatie,
        rollen: line.rollen,
        wat: [line.wat],
        eerste: line.wanneer,
        laatste: line.wanneer,
      });
    }
  }
  return {
    deelnemers: [...byPerson.values()],
    volledig: !source.accessTruncated,
    incidenteleDeelnemers: source.casus.invitations.map((invitation) => ({
      organisatie: invitation.proposal.organisatie.naam,
      contactpersoon: invitation.proposal.contactpersoon.naam,
      status: invitationStateLabels[invitation.state],
      gedeeld: (invitation.shares ?? []).map((share) => ({
        op: formatDateTime(share.at),
        doel: share.purpose,
      })),
    })),
  };
}

/** "Bewaartermijn: 24 maanden na afsluiting (afgesloten op 3 december 2026)." */
function retention({ casus, kamer }: InzageSource): string {
  const { naAfsluiting, naAfwijzing } = kamer.bewaartermijnen;
  const clock = casus.retention;
  if (clock?.hold)
    return `Bewaartermijn: stilgezet door een bewaarplicht sinds ${formatDate(clock.hold.since)}; de gegevens worden pas verwijderd als die is opgeheven.`;
  if (clock)
    return `Bewaartermijn: de persoonsgegevens worden verwijderd op ${formatDate(clock.expiresAt)} (${casus.state === 'afgewezen' ? `${naAfwijzing} maanden na afwijzing` : `${naAfsluiting} maanden na afsluiting`}, of zoals verlengd).`;
  const ended = [...casus.audit].reverse().find((line) => line.to === casus.state);
  if (casus.state === 'afgesloten')
    return `Bewaartermijn: ${naAfsluiting} maanden na afsluiting${ended ? ` (afgesloten op ${formatDate(ended.at)})` : ''}.`;
  if (casus.state === 'afgewezen')
    return `Bewaartermijn: ${naAfwijzing} maanden na afwijzing${ended ? ` (afgewezen op ${formatDate(ended.at)})` : ''}.`;
  return `Bewaartermijn: ${naAfsluiting} maanden na afsluiting, of ${naAfwijzing} maanden na afwijzing. De casus loopt nog.`;
}

/** The inzage of one betrokkene over all their casussen (art. 15 AVG), in Dutch. */
export function inzageDocument(
  sources: readonly InzageSource[],
  context: {
    actor: Actor;
    at: Date;
    kamers: readonly Kamer[];
    organisations: readonly Organisation[];
  },
): InzageDocument {
  return {
    titel: 'Inzage in persoonsgegevens (art. 15 AVG)',
    gemaaktOp: formatDateTime(context.at.toISOString()),
    gemaaktDoor: `${context.actor.person.name}, contactpunt (${context.actor.organisation.name})`,
    toelichting: `Alle persoonsgegevens die casusbot over betrokkene bewaart, in ${sources.length === 1 ? '1 casus' : `${sources.length} casussen`}: per casus de gegevens met hun doel, wie ze heeft ontvangen of ingezien, en hoe lang ze worden bewaard. ${PURPOSE}`,
    casussen: sources.map((source) => {
      const { casus, kamer } = source;
      const gegevens = fieldsOf(casus, context.kamers);
      return {
        casusnummer: casus.casusNumber ?? '',
        kamer: kamer.name,
        status: casusStateLabels[casus.state],
        aangemeldOp: formatDate(casus.submission?.submittedAt ?? casus.createdAt),
        laatsteWijziging: formatDate(casus.audit.at(-1)?.at ?? casus.createdAt),
        gegevens,
        doelen: [PURPOSE, ...new Set(gegevens.flatMap((g) => g.velden.map((v) => v.doel)))],
        ontvangers: recipients(source, context.kamers, context.organisations),
        bewaartermijn: retention(source),
      };
    }),
  };
}
