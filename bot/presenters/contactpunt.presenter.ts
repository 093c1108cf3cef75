import type { CasusOfBetrokkene } from '../../src/app/betrokkene/find-betrokkene';
import type { AdaptiveCardJson } from '../cards/card-template';
import { listStateLabels } from '../cards/casuslijst.card';
import { contactpuntCard } from '../cards/contactpunt.card';
import type { Notice } from '../cards/notice';
import { formatDate } from './casus-status';

export interface ContactpuntAsked {
  bsn?: string;
  naam?: string;
  geboortedatum?: string;
}

export interface ContactpuntAnswer {
  found: readonly CasusOfBetrokkene[];
  /** Searched by BSN alone: older casussen without a BSN key cannot have been found. */
  byBsnOnly: boolean;
  links?: { pdfUrl: string; jsonUrl: string };
}

/** "Lokale Kamer Rotterdam · aangemeld 3 december 2026 · laatste wijziging 5 december 2026". */
function detail({ casus, kamer }: CasusOfBetrokkene): string {
  const submitted = casus.submission?.submittedAt ?? casus.createdAt;
  const last = casus.audit.at(-1)?.at ?? submitted;
  return `${kamer.name} · aangemeld ${formatDate(submitted)} · laatste wijziging ${formatDate(last)}`;
}

/** The contactpunt's card: the form with what was asked, and what was found. */
export function contactpuntView(
  asked: ContactpuntAsked = {},
  notice?: Notice,
  answer?: ContactpuntAnswer,
): AdaptiveCardJson {
  const count = answer?.found.length ?? 0;
  return contactpuntCard.render({
    notices: notice ? [notice] : [],
    answer: answer
      ? [
          {
            heading:
              count === 0
                ? 'Geen casus gevonden voor deze betrokkene.'
                : `${count === 1 ? '1 casus' : `${count} casussen`} gevonden, bij alle kamers:`,
            casussen: answer.found.map((found) => ({
              casusId: found.casus.id,
              revision: found.casus.revision,
              casusNumber: found.casus.casusNumber ?? '',
              status: listStateLabels[found.casus.state],
              detail: detail(found),
            })),
            notes: answer.byBsnOnly
              ? [
                  {
                    text: 'Gezocht op BSN alleen: casussen die zijn aangemeld voordat op BSN kon worden gezocht, vind je op naam en geboortedatum.',
                  },
                ]
              : [],
            inzage: count > 0 && answer.links ? [answer.links] : [],
          },
        ]
      : [],
    bsn: asked.bsn ?? '',
    naam: asked.naam ?? '',
    geboortedatum: asked.geboortedatum ?? '',
  });
}
