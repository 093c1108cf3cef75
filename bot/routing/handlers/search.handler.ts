import type { Notice } from '../../cards/notice';
import { z } from 'zod';
import type { CasusInKamer } from '../../../src/app/casus/casus-access';
import { findCasusByNumber, findCasussenByBetrokkene } from '../../../src/app/casus/find-casus';
import { isDecisionMaker } from '../../../src/domain/registry/roles';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { casusSearchCard } from '../../cards/casus-search.card';
import { listStateLabels } from '../../cards/casuslijst.card';
import { formatDate } from '../../presenters/casus-status';
import { verbRoute, type Turn } from '../route-types';
import { cardFor } from './casus-cards';

interface Asked {
  casusNumber?: string;
  naam?: string;
  geboortedatum?: string;
}

/** The search form, with what was asked, what was found and a word about it. */
export function searchCard(
  turn: Turn,
  asked: Asked = {},
  notice?: Notice,
  found: readonly CasusInKamer[] = [],
): AdaptiveCardJson {
  const decider = isDecisionMaker(turn.actor);
  return casusSearchCard.render({
    notices: notice ? [notice] : [],
    results: found.map(({ casus, kamer }) => ({
      casusId: casus.id,
      casusNumber: casus.casusNumber ?? '',
      status: listStateLabels[casus.state],
      detail: `${kamer.name} · aangemeld ${formatDate(casus.submission?.submittedAt ?? casus.createdAt)}`,
    })),
    casusNumber: asked.casusNumber ?? '',
    naam: decider ? (asked.naam ?? '') : '',
    geboortedatum: decider ? (asked.geboortedatum ?? '') : '',
    byBetrokkene: decider ? [{}] : [],
    backToCasuslijst: decider ? [{}] : [],
  });
}

const NUMBER = /^LK-[A-Z]{2,6}-\d{4}-\d{4,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const searchVerbRoutes = [
  verbRoute({
    verb: 'casus.search.form',
    data: z.object({}),
    handle: (turn) => Promise.resolve(searchCard(turn)),
  }),
  verbRoute({
    verb: 'casus.search',
    data: z.object({
      by: z.enum(['nummer', 'betrokkene']),
      casusNumber: z.string().max(40).default(''),
      naam: z.string().max(200).default(''),
      geboortedatum: z.string().max(10).default(''),
    }),
    async handle(turn, { by, ...asked }) {
      if (by === 'nummer') {
        const casusNumber = asked.casusNumber.trim().toUpperCase();
        if (!NUMBER.test(casusNumber)) {
          return searchCard(turn, asked, {
            text: 'Vul een casusnummer in zoals LK-ROT-2026-0007.',
            style: 'warning',
          });
        }
        const found = await findCasusByNumber(turn.services, turn.actor, casusNumber);
        if (!found) {
          return searchCard(turn, asked, {
            text: `Er is geen casus ${casusNumber} die jij mag inzien.`,
            style: 'emphasis',
          });
        }
        // The casus the search read, not a second read of it.
        return cardFor(turn, found.casus, found.kamer);
      }
      const naam = asked.naam.trim();
      if (naam.length < 2 || !DATE.test(asked.geboortedatum)) {
        return searchCard(turn, asked, {
          text: 'Vul de naam en de geboortedatum van de betrokkene allebei in.',
          style: 'warning',
        });
      }
      const found = await findCasussenByBetrokkene(turn.services, turn.actor, {
        naam,
        geboortedatum: asked.geboortedatum,
      });
      if (!found.ok) {
        return searchCard(
          turn,
          { casusNumber: asked.casusNumber },
          {
            text: 'Zoeken op betrokkene is er alleen voor procesregisseurs en leden van een weegtafel.',
            style: 'warning',
          },
        );
      }
      return searchCard(
        turn,
        asked,
        found.value.length === 0
          ? { text: 'Geen casus gevonden die jij mag inzien.', style: 'emphasis' }
          : {
              text:
                found.value.length === 1
                  ? '1 casus gevonden.'
                  : `${found.value.length} casussen gevonden.`,
              style: 'emphasis',
            },
        found.value,
      );
    },
  }),
];
