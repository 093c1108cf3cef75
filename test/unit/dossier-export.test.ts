import assert from 'node:assert/strict';
import type { Actor } from '../../src/app/identify-actor';
import type { AuditEntry, Casus } from '../../src/domain/casus/casus.schema';
import { mayExportDossier } from '../../src/domain/casus/dossier-export';
import { dossierFacts } from '../../bot/presenters/dossier.presenter';
import { renderDossierReport } from '../../bot/reports/dossier-report';
import { pdfText } from '../helpers/pdf-text';
import { casusInBehandeling } from '../helpers/samples';
import { seedActor, seedKamer } from '../helpers/seed-actors';

const today = '2026-12-04';
const lkRotterdam = seedKamer('lk-rotterdam');
const zvh = seedKamer('zvh-rotterdam-rijnmond');
const fatima = seedActor('Fatima El Amrani');
const jeroen = seedActor('Jeroen de Vries');

/** A casus of Lokale Kamer Rotterdam submitted by Fatima, and its audit lines so far. */
function casus(audit: AuditEntry[] = []): Casus & { casusNumber: string } {
  const base = casusInBehandeling('LK-ROT-2026-0042');
  return {
    ...base,
    createdBy: {
      id: fatima.person.id,
      name: fatima.person.name,
      organisationId: fatima.organisation.id,
      organisationName: fatima.organisation.name,
    },
    audit,
  };
}

const line = (
  action: AuditEntry['action'],
  from: AuditEntry['from'],
  to: AuditEntry['to'],
): AuditEntry => ({
  at: '2026-12-01T10:00:00.000Z',
  actor: {
    id: jeroen.person.id,
    name: jeroen.person.name,
    organisationId: jeroen.organisation.id,
    organisationName: jeroen.organisation.name,
    role: 'procesregisseur',
    kamerId: 'lk-rotterdam',
  },
  onBehalfOf: 'de overheidsdeelnemers (art. 2.27 WGS)',
  action,
  from,
  to,
  motivation: 'Een doorbraak is nodig: de schuldhulp loopt vast.',
  legalBasis: 'art. 2.27 WGS',
});
const escalated = () =>
  casus([line('opschalen', 'in_behandeling_lokaal', 'opschaling_aangevraagd')]);

const may = (actor: Actor, c: Casus = casus(), kamer = lkRotterdam, day = today) =>
  mayExportDossier(actor, c, kamer, day);

describe('who may export a casus dossier', () => {
  it('the procesregisseur of its Lokale Kamer, and of its ZVH only once the ZVH was asked', () => {
    const anouk = seedActor('Anouk Bakker');
    assert.equal(may(jeroen), true);
    assert.equal(may(anouk), false, 'the ZVH has not seen it');
    assert.equal(may(anouk, escalated()), true);
    assert.equal(may(jeroen, escalated()), true, 'the Lokale Kamer keeps its casus in view');
  });

  it('not whoever else may see it, nor the roles that see no casus', () => {
    for (const name of [
      'Fatima El Amrani', // submitted it
      'Sem de Jong', // her colleague
      'Mohamed Yilmaz', // weegtafellid: decides, reads it in Teams, takes no copy out
      'Eva Smit', // privacy officer
      'Iris Willems', // contactpunt
      'Sanne Jansen', // functioneel beheerder
    ]) {
      assert.equal(may(seedActor(name), escalated()), false, name);
    }
  });

  it('not a casus it may not see: a concept, another kamer, or a procesregisseur without screening now', () => {
    assert.equal(may(jeroen, { ...casus(), state: 'concept' }), false);
    assert.equal(
      may(jeroen, { ...casus(), kamerId: 'lk-schiedam' }, seedKamer('lk-schiedam')),
      false,
    );
    const unscreened = {
      ...jeroen,
      person: { ...jeroen.person, screening: { kind: 'vog' as const, date: '2027-01-01' } },
    };
    assert.equal(may(unscreened), false);
  });
});

describe('dossier report (PDF)', () => {
  const render = async (c: Casus & { casusNumber: string }) =>
    pdfText(
      await renderDossierReport(
        dossierFacts(c, { kamer: lkRotterdam, zvh }, jeroen, new Date('2026-12-04T09:30:00Z')),
      ),
    ).text.replace(/\s+/g, ' ');

  it('shows typed text literally, and a character the PDF cannot show as "?" with a note, not as other characters', async () => {
    const typed = 'Bespreek **vet** <b>niet</b> & “citaat” — € 12; Kılıç 😀';
    const c = casus([
      { ...line('accepteren', 'aangemeld', 'in_behandeling_lokaal'), motivation: typed },
    ]);
    const text = await render(c);
    assert.ok(text.includes('Bespreek **vet** <b>niet</b> & “citaat” — € 12; K?l?ç ?'), text);
    assert.match(text, /sommige getypte tekens kan deze PDF niet weergeven/);
    assert.doesNotMatch(await render(casus()), /niet weergeven/);
  });

  it('says when the hash chain is broken, and where', async () => {
    // A head recorded, but the line has no hash: the chain was there and is not now.
    const text = await render({ ...escalated(), auditHead: 'a'.repeat(64) });
    assert.match(text, /keten gebroken bij regel 1: heeft geen hash/);
    assert.match(text, /Van In behandeling bij de Lokale Kamer naar Opschaling aangevraagd/);
    assert.match(
      text,
      /Opgemaakt 2026-12-04 09:30:00 UTC door Jeroen de Vries, Gemeente Rotterdam/,
    );
  });
});
