import assert from 'node:assert/strict';
import { appendAuditLine, type UnchainedAuditEntry } from '../../src/domain/casus/audit-chain';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { sampleCasus } from '../helpers/samples';
import { namesDecider } from '../reliability/contention/race';
import { pathProblem } from '../reliability/casus-path';

const line = (
  action: UnchainedAuditEntry['action'],
  from: UnchainedAuditEntry['from'],
  to: UnchainedAuditEntry['to'],
): UnchainedAuditEntry => ({
  at: '2026-12-01T10:00:00.000Z',
  actor: {
    id: 'p',
    name: 'P',
    organisationId: 'o',
    organisationName: 'O',
    role: 'procesregisseur',
  },
  onBehalfOf: 'O',
  action,
  from,
  to,
  legalBasis: 'art. 2.20 BGS',
});

/** A casus in `state` whose audit trail is these lines, chained as the app chains them. */
function casusWith(state: Casus['state'], lines: UnchainedAuditEntry[]): Casus {
  let casus = sampleCasus({ state });
  for (const next of lines) casus = { ...casus, ...appendAuditLine(casus, next) };
  return casus;
}

const started = line('intake-gestart', null, 'concept');
const submitted = line('indienen', 'concept', 'aangemeld');
const accepted = line('accepteren', 'aangemeld', 'in_behandeling_lokaal');

describe('reliability suite, contention: what counts as a casus at odds with its audit trail', () => {
  it('passes lines that lead, step by allowed step, to the state', () => {
    assert.equal(
      pathProblem(casusWith('in_behandeling_lokaal', [started, submitted, accepted])),
      undefined,
    );
  });

  it('finds a state the last line does not end in, a line left out and a step the machine does not allow', () => {
    assert.match(pathProblem(casusWith('afgewezen', [started, submitted, accepted]))!, /ends in/);
    assert.match(
      pathProblem(casusWith('in_behandeling_lokaal', [started, accepted]))!,
      /starts in/,
    );
    const wrongStep = line('accepteren', 'aangemeld', 'afgewezen');
    assert.match(
      pathProblem(casusWith('afgewezen', [started, submitted, wrongStep]))!,
      /does not go/,
    );
    assert.match(pathProblem(casusWith('aangemeld', [submitted]))!, /no intake line/);
  });
});

describe('reliability suite, contention: a refused decision that names who decided', () => {
  const notice = (text: string, isVisible?: boolean) => ({
    type: 'AdaptiveCard',
    body: [
      {
        type: 'Container',
        ...(isVisible === false && { isVisible }),
        items: [{ type: 'TextBlock', text }],
      },
    ],
  });
  const named =
    'De casus is intussen gewijzigd: Jeroen de Vries (procesregisseur) heeft al besloten (Geaccepteerd door de Lokale Kamer, 1 december 2026 om 10:00).';

  it('counts the notice only when it names one of the deciders, where the card shows it at once', () => {
    assert.equal(namesDecider(notice(named), ['Jeroen de Vries']), true);
    assert.equal(namesDecider(notice(named), ['Mohamed Yilmaz']), false);
    assert.equal(namesDecider(notice(named, false), ['Jeroen de Vries']), false);
    const unnamed =
      'De casus is intussen gewijzigd (laatste stap: Geaccepteerd door de Lokale Kamer).';
    assert.equal(namesDecider(notice(unnamed), ['Jeroen de Vries']), false);
  });
});
