import assert from 'node:assert/strict';
import { z } from 'zod';
import { betrokkeneFields } from '../../src/domain/betrokkene/betrokkene-fields';
import { isUnder, pathPattern, valuesAt } from '../../src/domain/betrokkene/field-paths';
import { notBetrokkeneFields } from '../../src/domain/betrokkene/not-betrokkene-fields';
import { schemaLeaves } from '../../src/domain/betrokkene/schema-leaves';
import { casusSchema } from '../../src/domain/casus/casus.schema';
import { validFormValues } from '../helpers/intake-values';
import { casusInBehandeling } from '../helpers/samples';

const leaves = schemaLeaves(casusSchema);
const catalogued = (leaf: string) => betrokkeneFields.filter((f) => pathPattern(f.path).test(leaf));
const excluded = (leaf: string) => notBetrokkeneFields.filter((f) => isUnder(leaf, f.prefix));

describe('data minimisation: every field stored about a betrokkene has a documented purpose', () => {
  it('reads the leaves of the casus schema, through wrappers, arrays and form fields', () => {
    for (const leaf of [
      'submission.intake.betrokkene.bsn',
      'submission.intake.criterium3.aanwijzingen[].omschrijving',
      'intake.values.leefgebied-verslaving',
      'intake.values.aanwijzing5-bron',
      'betrokkeneKey',
      'declarations[].record.signature.strokes[][].x',
    ]) {
      assert.ok(leaves.includes(leaf), leaf);
    }
  });

  it('has every stored field either in the catalogue (with a purpose) or named as not about betrokkene', () => {
    const unaccounted = leaves.filter(
      (leaf) => catalogued(leaf).length + excluded(leaf).length === 0,
    );
    assert.deepEqual(unaccounted, [], 'fields without a catalogue entry or a reason');
    const twice = leaves.filter((leaf) => catalogued(leaf).length + excluded(leaf).length > 1);
    assert.deepEqual(twice, [], 'fields both catalogued and excluded, or catalogued twice');
  });

  it('names no field that the schemas no longer have', () => {
    const gone = betrokkeneFields.filter(
      (f) => !leaves.some((leaf) => pathPattern(f.path).test(leaf)),
    );
    assert.deepEqual(
      gone.map((f) => f.path),
      [],
    );
    const goneReasons = notBetrokkeneFields.filter(
      (f) => !leaves.some((leaf) => isUnder(leaf, f.prefix)),
    );
    assert.deepEqual(
      goneReasons.map((f) => f.prefix),
      [],
    );
  });

  it('gives every entry a Dutch label and a purpose of some substance', () => {
    for (const field of betrokkeneFields) {
      assert.ok(field.label.length >= 3, field.path);
      assert.ok(field.doel.length >= 15 && field.doel.endsWith('.'), field.path);
    }
  });

  it('fails for a field added without an entry', () => {
    const grown = casusSchema.extend({
      submission: z.object({ intake: z.object({ telefoon: z.string().optional() }) }),
    });
    const unaccounted = schemaLeaves(grown).filter(
      (leaf) => catalogued(leaf).length + excluded(leaf).length === 0,
    );
    assert.deepEqual(unaccounted, ['submission.intake.telefoon']);
  });

  it('reads the values a casus holds at a catalogue path', () => {
    const casus = {
      ...casusInBehandeling('LK-ROT-2026-0001'),
      intake: { step: 'samenvatting' as const, values: validFormValues },
    };
    const naam = valuesAt(casus, 'submission.intake.betrokkene.naam');
    assert.deepEqual(naam, [{ value: casus.submission?.intake.betrokkene.naam }]);
    const leefgebieden = valuesAt(casus, 'intake.values.leefgebied-*');
    assert.ok(
      leefgebieden.length > 0 && leefgebieden.every((v) => v.key?.startsWith('leefgebied-')),
    );
    const bronnen = valuesAt(casus, 'submission.intake.criterium3.aanwijzingen[].bron');
    assert.equal(bronnen.length, casus.submission?.intake.criterium3.aanwijzingen.length);
  });
});
