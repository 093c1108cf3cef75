import assert from 'node:assert/strict';
import {
  leaksIn,
  rememberedPersonalValues,
  rememberPersonalValues,
} from '../helpers/channel-privacy';

// The suite-wide hook is only as good as this detector: it must see a leak however it is spelled.
describe('the channel privacy check', () => {
  before(() =>
    rememberPersonalValues({
      action: 'intake.next',
      values: {
        naam: 'Henk  Pietersma',
        geboortedatum: '1971-03-09',
        motivering2: 'Schulden en overlast',
        'aanwijzing1-bron': 'Politie eenheid Rotterdam',
      },
      invitees: [{ contactEmail: 'h.p@example.nl', kamerId: 'lk-rotterdam' }],
    }),
  );
  const card = (text: string) => ({
    conversationId: '19:x@thread.tacv2',
    body: { attachments: [{ content: { body: [{ type: 'TextBlock', text }] } }] },
  });

  it('remembers personal fields at any depth, but not the others', () => {
    const values = rememberedPersonalValues();
    assert.ok(values.has('henk pietersma'));
    assert.ok(values.has('h.p@example.nl'));
    assert.ok(!values.has('lk-rotterdam'));
  });

  it('does not take a registry organisation’s name for personal data, though a field holds it', () => {
    assert.ok(!rememberedPersonalValues().has('politie eenheid rotterdam'));
    const decider = card('Goedgekeurd door lid van de weegtafel van Politie eenheid Rotterdam');
    assert.deepEqual(leaksIn([decider], rememberedPersonalValues()), []);
  });

  it('finds a name in another case and spacing, a birth date as cards write it, a motivation', () => {
    for (const text of [
      'Betrokkene: HENK PIETERSMA',
      'Geboren 9 maart 1971',
      'geboren 09-03-1971',
      'Motivering: schulden en overlast.',
    ])
      assert.equal(leaksIn([card(text)], rememberedPersonalValues()).length, 1, text);
  });

  it('passes what a channel may show', () => {
    const allowed = card(
      'Casus ZVH-2026-0042 · Aangemeld · Lokale Kamer Rotterdam · termijn 9-12-2026',
    );
    assert.deepEqual(leaksIn([allowed], rememberedPersonalValues()), []);
  });
});
