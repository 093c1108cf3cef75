import { z } from 'zod';
import { askAccessLog, type AccessQuery } from '../../../src/app/access/access-queries';
import { accessQueryRef } from '../../../src/app/access/access-query-ref';
import { startOfAmsterdamDay, amsterdamDayOf } from '../../../src/domain/deadlines/amsterdam-time';
import { addDays, formatDay, parseDay } from '../../../src/domain/deadlines/calendar-day';
import { isPrivacyOfficer } from '../../../src/domain/registry/roles';
import { folded } from '../../../src/domain/shared/folded-text';
import { accessLogCard, ACCESS_LINES_ON_CARD } from '../../cards/access-log.card';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { information, warning, type Notice } from '../../cards/notice';
import { accessLines, type AccessLine } from '../../presenters/access-lines';
import { refusalCard } from '../../presenters/error-cards';
import { verbRoute, type Turn } from '../route-types';

const NUMBER = /^LK-[A-Z]{2,6}-\d{4}-\d{4,}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Asked {
  van: string;
  tot: string;
  casusNumber?: string;
  personId?: string;
}

/**
 * A day the form can ask about: a real calendar day of this millennium (the log begins with the
 * app; Amsterdam's clock of before 1940 is no zone a date library knows).
 */
function askable(day: string): boolean {
  if (!DAY.test(day) || day < '2000-01-01' || day > '2999-12-30') return false;
  try {
    return formatDay(parseDay(day)) === day;
  } catch {
    return false;
  }
}

/** The last year up to today, as the form offers it. */
function lastYear(turn: Turn): { van: string; tot: string } {
  const today = amsterdamDayOf(turn.services.now());
  return { van: formatDay(addDays(today, -365)), tot: formatDay(today) };
}

function notPrivacyOfficer(turn: Turn): AdaptiveCardJson {
  turn.services.access.record('search', undefined, 'refused');
  return refusalCard(
    'Alleen voor de privacy officer',
    'Het toegangslog (wie welke casus heeft ingezien) kan alleen de privacy officer raadplegen.',
  );
}

async function form(
  turn: Turn,
  asked: Asked,
  notice?: Notice,
  answer?: { heading: string; lines: AccessLine[]; truncated: boolean; query: AccessQuery },
): Promise<AdaptiveCardJson> {
  const [persons, organisations] = await Promise.all([
    turn.services.registry.listPersons(),
    turn.services.registry.listOrganisations(),
  ]);
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]));
  const links = answer && {
    csv: await turn.services.downloads.issue(turn.actor.person.id, {
      kind: 'toegangslog',
      format: 'csv',
      ref: accessQueryRef(answer.query),
    }),
    json: await turn.services.downloads.issue(turn.actor.person.id, {
      kind: 'toegangslog',
      format: 'json',
      ref: accessQueryRef(answer.query),
    }),
  };
  const hidden = answer ? answer.lines.length - ACCESS_LINES_ON_CARD : 0;
  return accessLogCard.render({
    notices: notice ? [notice] : [],
    answer:
      answer && links
        ? [
            {
              heading: answer.heading,
              lines: answer.lines.slice(0, ACCESS_LINES_ON_CARD).map((line) => ({
                when: line.wanneer,
                text: `${line.wie} (${line.organisatie}; ${line.rollen}): ${line.wat}, ${line.resultaat}${line.casus === '—' ? '' : ` — casus ${line.casus}`} — via ${line.waarom}`,
              })),
              more:
                hidden > 0 || answer.truncated
                  ? [
                      {
                        text: `En ${answer.truncated ? 'meer dan ' : ''}${Math.max(hidden, 0)} regels meer: zie de export.`,
                      },
                    ]
                  : [],
              csvUrl: links.csv.url,
              jsonUrl: links.json.url,
            },
          ]
        : [],
    van: asked.van,
    tot: asked.tot,
    casusNumber: asked.casusNumber ?? '',
    personId: asked.personId ?? '',
    persons: persons
      .map((p) => ({
        id: p.id,
        title: `${p.name} (${organisationName.get(p.organisationId) ?? p.organisationId})`,
      }))
      .sort((a, b) => a.title.localeCompare(b.title, 'nl')),
  });
}

/** Answers one question: the lines, or why there are none. The asking is recorded as a search. */
async function answer(
  turn: Turn,
  asked: Asked,
  about: 'casus' | 'persoon',
): Promise<AdaptiveCardJson> {
  if (!askable(asked.van) || !askable(asked.tot) || asked.van > asked.tot) {
    return form(
      turn,
      asked,
      warning(
        'Kies een periode van bestaande dagen (vanaf 2000): de eerste dag vóór of gelijk aan de laatste.',
      ),
    );
  }
  const period = {
    from: startOfAmsterdamDay(parseDay(asked.van)),
    to: startOfAmsterdamDay(addDays(parseDay(asked.tot), 1)),
  };
  const span = `${asked.van} tot en met ${asked.tot}`;
  let query: AccessQuery;
  let subject: string;
  if (about === 'casus') {
    const casusNumber = (asked.casusNumber ?? '').trim().toUpperCase();
    if (!NUMBER.test(casusNumber)) {
      return form(turn, asked, warning('Vul een casusnummer in zoals LK-ROT-2026-0007.'));
    }
    // Only to know its id: nothing of the casus is shown to the privacy officer.
    const found = await turn.services.casussen.findByNumber(casusNumber);
    if (!found) return form(turn, asked, information(`Er is geen casus ${casusNumber}.`));
    turn.services.access.searched([found.value]);
    query = { about, casusId: found.value.id, period };
    subject = `Casus ${casusNumber}`;
  } else {
    const person = asked.personId
      ? await turn.services.registry.getPerson(asked.personId)
      : undefined;
    if (!person) return form(turn, asked, warning('Kies een persoon uit het deelnemersregister.'));
    turn.services.access.searched([]);
    query = { about, personId: person.id, period };
    subject = person.name;
  }
  const asking = await askAccessLog(turn.services.accessLog, turn.actor, query);
  if (!asking.ok) return notPrivacyOfficer(turn);
  const { records, truncated } = asking.value;
  const lines = accessLines(
    records,
    await turn.services.registry.listKamers(),
    await turn.services.registry.listOrganisations(),
  );
  const heading =
    records.length === 0
      ? `${subject}: niets vastgelegd van ${span}.`
      : `${subject}: ${truncated ? 'meer dan ' : ''}${records.length} ${records.length === 1 ? 'regel' : 'regels'} van ${span} (oudste eerst).`;
  return form(turn, asked, undefined, { heading, lines, truncated, query });
}

/** "toegangslog": the form, for a privacy officer. */
export async function showAccessLog(turn: Turn): Promise<AdaptiveCardJson> {
  if (!isPrivacyOfficer(turn.actor.person)) return notPrivacyOfficer(turn);
  return form(turn, lastYear(turn));
}

/** "wie heeft casus LK-ROT-2026-0007 ingezien": the last year of that casus. */
export async function whoSawCasus(turn: Turn, args: string): Promise<AdaptiveCardJson> {
  if (!isPrivacyOfficer(turn.actor.person)) return notPrivacyOfficer(turn);
  const casusNumber = args
    .replace(/\s*(ingezien|gezien)\s*\??$/, '')
    .trim()
    .toUpperCase();
  return answer(turn, { ...lastYear(turn), casusNumber }, 'casus');
}

/** "wat heeft Jeroen de Vries ingezien": the last year of that person, if the name is one person. */
export async function whatDidPersonSee(turn: Turn, args: string): Promise<AdaptiveCardJson> {
  if (!isPrivacyOfficer(turn.actor.person)) return notPrivacyOfficer(turn);
  const wanted = folded(args.replace(/\s*(ingezien|gezien)\s*\??$/, ''));
  const matches = wanted
    ? (await turn.services.registry.listPersons()).filter((p) => folded(p.name).includes(wanted))
    : [];
  const period = lastYear(turn);
  if (matches.length !== 1 || !matches[0]) {
    return form(
      turn,
      period,
      warning(
        matches.length === 0
          ? 'Die naam staat niet in het deelnemersregister. Kies de persoon hieronder.'
          : `Die naam past bij ${matches.length} personen. Kies de persoon hieronder.`,
      ),
    );
  }
  return answer(turn, { ...period, personId: matches[0].id }, 'persoon');
}

export const accessLogVerbRoutes = [
  verbRoute({
    verb: 'toegang.vraag',
    data: z.object({
      about: z.enum(['casus', 'persoon']),
      van: z.string().max(10).default(''),
      tot: z.string().max(10).default(''),
      casusNumber: z.string().max(40).default(''),
      personId: z.string().max(100).default(''),
    }),
    async handle(turn, { about, ...asked }) {
      if (!isPrivacyOfficer(turn.actor.person)) return notPrivacyOfficer(turn);
      return answer(turn, asked, about);
    },
  }),
];
