import assert from 'node:assert/strict';
import { MAX_CARD_BYTES } from '../../bot/cards/card-template';
import { intakeCard } from '../../bot/presenters/intake.presenter';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { aanwijzingFields } from '../../src/domain/intake/form-fields';
import { intakeSteps } from '../../src/domain/intake/intake-form';
import { MAX_AANWIJZING_TEXT, MAX_TEXT } from '../../src/domain/intake/intake.schema';
import type { Kamer, Organisation } from '../../src/domain/registry/registry.schema';
import { cardText } from '../helpers/fake-connector';
import { validFormValues } from '../helpers/intake-values';
import { sampleCasus } from '../helpers/samples';
import seed from '../../seed/registry.demo.json';

// Every intake card stays within the Teams limit for any answers the form accepts: the longest
// texts, five indications, in 3-byte characters ("€").
const longest = (n: number) => '€'.repeat(n);
const slot = (field: string) => {
  if (field.endsWith('-soort')) return 'aangifte';
  if (field.endsWith('-datum')) return '2026-01-01';
  if (field.endsWith('-tot')) return '2026-02-01';
  return longest(field.endsWith('-bron') ? 120 : MAX_AANWIJZING_TEXT);
};
const values = {
  ...validFormValues,
  naam: longest(100),
  gemeente: longest(80),
  inGezinssituatie: 'true',
  doorbraakNodig: 'true',
  aanwijzingenAantal: '5',
  ...Object.fromEntries(
    ['gezinsRelevantie', 'motivering1', 'motivering2', 'motivering3', 'motivering4']
      .concat(['overigePartijen', 'doorbraakToelichting'])
      .map((field) => [field, longest(MAX_TEXT)]),
  ),
  ...Object.fromEntries(aanwijzingFields.map((field) => [field, slot(field)])),
};
const view = {
  kamers: seed.kamers as Kamer[],
  organisations: seed.organisations as Organisation[],
  today: '2026-03-05',
};

describe('intake cards at their largest', () => {
  for (const step of intakeSteps) {
    it(`${step} stays within ${MAX_CARD_BYTES} bytes`, () => {
      const casus: Casus = sampleCasus({ intake: { step, values } });
      const card = intakeCard(casus, view);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES);
      if (step === 'samenvatting')
        assert.match(
          cardText(card),
          /Lange antwoorden staan hier ingekort; ze zijn volledig bewaard/,
        );
    });
  }

  it('shows a summary of ordinary length in full', () => {
    const card = intakeCard(
      sampleCasus({ intake: { step: 'samenvatting', values: validFormValues } }),
      view,
    );
    assert.doesNotMatch(cardText(card), /ingekort/);
    assert.match(cardText(card), /Zes meldingen van geluidsoverlast en bedreiging van buren\./);
  });
});
