import type { Notice } from '../cards/notice';
import type { MyCasussen, MyCasussenSection } from '../../src/app/intake/list-my-casussen';
import { MY_CASUSSEN_MAX_ROWS } from '../../src/app/intake/list-my-casussen';
import { MY_ROW_NAME_MAX, type MyCasusRow } from '../../src/domain/casus/my-casus-row';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { draftRemoveCard, myCasussenCard } from '../cards/my-casussen.card';
import { casusStateLabels, formatDate, formatDateTime } from './casus-status';

const stepNumbers = { betrokkene: 1, 'criteria-1-2': 2, 'criterium-3': 3, 'criterium-4': 4 };

/** Where each section of "mijn casussen" stands. */
export interface MyCasussenAt {
  draftsPage: number;
  submittedPage: number;
}

const shortName = (name: string | null | undefined): string => {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) return 'leeg';
  const chars = [...trimmed];
  // A row holds one character more than a card shows: then the name was longer.
  return chars.length > MY_ROW_NAME_MAX
    ? `${chars.slice(0, MY_ROW_NAME_MAX - 1).join('')}…`
    : trimmed;
};

/** What tells one casus from another in a list: its betrokkene, or "leeg" when none is typed yet. */
export const betrokkeneOf = (casus: Casus): string =>
  shortName(casus.submission?.intake.betrokkene.naam || casus.intake.values.naam);

function stepText(step: Casus['intake']['step']): string {
  return step === 'samenvatting' ? 'samenvatting' : `stap ${stepNumbers[step]} van 5`;
}

type Noun = 'concept' | 'concepten' | 'aangemelde casus' | 'aangemelde casussen';

function pager(section: MyCasussenSection, noun: Noun, at: (page: number) => MyCasussenAt) {
  if (section.pages <= 1) return [];
  const { page, pages } = section;
  const buttons = [
    ...(page > 1 ? [{ title: 'Vorige pagina' as const, ...at(page - 1) }] : []),
    ...(page < pages ? [{ title: 'Volgende pagina' as const, ...at(page + 1) }] : []),
  ];
  return [{ page, pages, count: section.count, noun, buttons }];
}

function draftRow(row: MyCasusRow, at: MyCasussenAt) {
  return {
    title: 'Concept' as const,
    status: casusStateLabels[row.state],
    betrokkene: shortName(row.draftNaam),
    subtitle: `${stepText(row.step)} · gewijzigd ${formatDateTime(row.changedAt)}`,
    open: [],
    resume: [{ casusId: row.id }],
    remove: [{ casusId: row.id, revision: row.revision, ...at }],
  };
}

function submittedRow(row: MyCasusRow, kamers: readonly Kamer[], page: number) {
  const kamer = kamers.find((k) => k.id === row.kamerId)?.name ?? '';
  return {
    title: row.casusNumber ?? ('Concept' as const),
    status: casusStateLabels[row.state],
    betrokkene: shortName(row.submittedNaam),
    subtitle: `${kamer} · aangemeld ${formatDate(row.submittedAt ?? row.createdAt)}`,
    open: [{ casusId: row.id, page }],
    resume: [],
    remove: [],
  };
}

/** "mijn casussen": concepts first (what still needs work), then the submitted casussen. */
export function myCasussenListCard(
  listed: MyCasussen,
  kamers: readonly Kamer[],
  notice?: Notice,
): AdaptiveCardJson {
  const { drafts, submitted } = listed;
  const here: MyCasussenAt = { draftsPage: drafts.page, submittedPage: submitted.page };
  const nothing = drafts.count === 0 && submitted.count === 0;
  return myCasussenCard.render({
    notices: notice ? [notice] : [],
    empty: nothing ? [{}] : [],
    truncated: listed.truncated ? [{ max: MY_CASUSSEN_MAX_ROWS }] : [],
    sections: nothing
      ? []
      : [
          {
            title: 'Concepten',
            none: drafts.count === 0 ? [{ text: 'Geen concepten.' }] : [],
            rows: drafts.rows.map((row) => draftRow(row, here)),
            pager: pager(drafts, drafts.count === 1 ? 'concept' : 'concepten', (page) => ({
              ...here,
              draftsPage: page,
            })),
          },
          {
            title: 'Aangemelde casussen',
            none: submitted.count === 0 ? [{ text: 'Nog geen aangemelde casussen.' }] : [],
            rows: submitted.rows.map((row) => submittedRow(row, kamers, submitted.page)),
            pager: pager(
              submitted,
              submitted.count === 1 ? 'aangemelde casus' : 'aangemelde casussen',
              (page) => ({ ...here, submittedPage: page }),
            ),
          },
        ],
  });
}

/** "Verwijderen" pressed: what will be removed, and the second press that removes it. */
export function draftRemoveConfirmCard(casus: Casus, at: MyCasussenAt): AdaptiveCardJson {
  return draftRemoveCard.render({
    casusId: casus.id,
    revision: casus.revision,
    betrokkene: betrokkeneOf(casus),
    details: `Concept, ${stepText(casus.intake.step)}, gestart ${formatDate(casus.createdAt)}.`,
    ...at,
  });
}
