import assert from 'node:assert/strict';
import { z } from 'zod';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { assessIntake } from '../../src/domain/intake/assessment';
import { intakeSchema, type Intake } from '../../src/domain/intake/intake.schema';
import { casusCardFor } from '../../bot/presenters/casus.presenter';
import { pattern, withValueAt, type JsonPath } from '../helpers/literal-text';
import { seedActor, seedKamer } from '../helpers/seed-actors';
import { sampleCasus } from '../helpers/samples';

// Requirement (issue 11): nothing the intake asks for is stored invisibly. Every field of the
// intake schema must be shown to the deciders: changing its value must change the casus card a
// procesregisseur sees. The fields are read from the zod schema itself, so a new field fails here
// until a presenter shows it.

/** Fields the card shows in another form, and where. Kept short on purpose; each says why. */
const shownElsewhere: Record<string, string> = {
  'aanmelding.kamerId': 'submit sets casus.kamerId from it; the card names that kamer',
  'criterium4.deelnemers[].organisationId': 'a registry id; the card shows its recorded name',
};

type Leaf = { path: string; kind: 'string' | 'boolean' | 'enum'; options?: readonly string[] };

/** Every leaf of a zod schema, with arrays as `[]`, through optionals, pipes and defaults. */
function schemaLeaves(schema: z.ZodType, path: string): Leaf[] {
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) =>
      schemaLeaves(inner, path ? `${path}.${key}` : key),
    );
  if (schema instanceof z.ZodArray) return schemaLeaves(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return schemaLeaves(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodDefault) return schemaLeaves(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodPipe) return schemaLeaves(schema.in as z.ZodType, path);
  if (schema instanceof z.ZodEnum)
    return [{ path, kind: 'enum', options: schema.options.map(String) }];
  if (schema instanceof z.ZodBoolean) return [{ path, kind: 'boolean' }];
  // Formats (an ISO date) are strings of their own class.
  if (schema.def.type === 'string') return [{ path, kind: 'string' }];
  throw new Error(`${path}: a ${schema.constructor.name} the walk does not know; teach it`);
}

/** An intake with every optional field present and one item in every list. */
const intake: Intake = intakeSchema.parse({
  betrokkene: {
    naam: 'Jan Jansen',
    geboortedatum: '1988-04-12',
    gemeente: 'Rotterdam',
    bsn: '111222333',
  },
  aanmelding: { aanmeldroute: 'veilig-thuis', kamerId: 'lk-rotterdam', urgentie: 'hoog' },
  criterium1: {
    bijBetrokkene: true,
    inGezinssituatie: true,
    gezinsRelevantie: 'Zijn broer dealt vanuit de gezamenlijke woning.',
    motivering: 'Betrokkene heeft schulden, een verslaving en geen vaste woonplek.',
  },
  criterium2: {
    leefgebieden: [{ leefgebied: 'verslaving', status: 'criminogeen' }],
    motivering: 'Verslaving en eerdere politiecontacten versterken elkaar aantoonbaar.',
  },
  criterium3: {
    gevolgen: ['criminaliteit'],
    tijden: ['zou-leiden'],
    aanwijzingen: [
      {
        soort: 'aangifte',
        datum: '2026-01-05',
        totDatum: '2026-02-05',
        bron: 'Politie eenheid Rotterdam',
        omschrijving: 'Aangifte van bedreiging door de buurvrouw.',
      },
    ],
    motivering: 'Buren melden wekelijks ernstige overlast; er lopen twee aangiftes.',
  },
  criterium4: {
    deelnemers: [{ organisationId: 'ggz-maasoever', name: 'GGZ Maasoever', domain: 'zorg' }],
    overigePartijen: 'Woonstichting Maasstad',
    motivering: 'Verslavingszorg, politie en schuldhulp moeten samen één plan maken.',
  },
  doorbraak: { nodig: true, toelichting: 'De wachtlijst van de GGZ houdt alles tegen.' },
});

const kamer = seedKamer('lk-rotterdam');
const procesregisseur = seedActor('Jeroen de Vries');

function cardFor(submitted: Intake) {
  const casus: Casus = sampleCasus({
    // Fixed, so that two cards differ only by the intake.
    id: '7d4f3a2b-1c0e-4f9a-8b7c-6d5e4f3a2b1c',
    createdAt: '2026-03-05T09:00:00.000Z',
    state: 'aangemeld',
    revision: 2,
    kamerId: 'lk-rotterdam',
    casusNumber: 'LK-ROT-2026-0007',
    // The stored assessment stays as submitted: a field shown only through it would not count.
    submission: {
      submittedAt: '2026-03-05T10:00:00.000Z',
      intake: submitted,
      assessment: assessIntake(intake),
    },
  });
  return casusCardFor(procesregisseur, casus, { kamer, zvh: undefined, refreshUserIds: [] });
}

/** The concrete paths of a schema path in the sample (`[]` → index 0). */
const concrete = (path: string): JsonPath =>
  path.split('.').flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), 0] : [part]));

function valueAt(value: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown>)?.[key],
    value,
  );
}

function changed(leaf: Leaf, value: unknown): unknown {
  switch (leaf.kind) {
    case 'boolean':
      return !value;
    case 'enum':
      return leaf.options?.find((option) => option !== value);
    case 'string':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? '2001-02-03' : `${String(value)} ANDERS`;
  }
}

describe('evidence visibility: every intake field reaches the deciders', () => {
  const leaves = schemaLeaves(intakeSchema, '');
  const original = JSON.stringify(cardFor(intake));

  it('renders the same intake as the same card (so a difference is the field)', () => {
    assert.equal(JSON.stringify(cardFor(intake)), original);
  });

  it('walks a schema with the fields this test knows are shown elsewhere', () => {
    const paths = leaves.map((leaf) => leaf.path);
    for (const path of Object.keys(shownElsewhere)) assert.ok(paths.includes(path), path);
    assert.ok(paths.length > 25, `only ${paths.length} fields found`);
  });

  for (const leaf of leaves.filter((l) => !(l.path in shownElsewhere))) {
    it(`${leaf.path} is on the procesregisseur's casus card`, () => {
      const path = concrete(leaf.path);
      const value = valueAt(intake, path);
      assert.notEqual(value, undefined, `the sample intake leaves ${leaf.path} empty`);
      const mutated = withValueAt(intake, path, changed(leaf, value)) as Intake;
      assert.notEqual(
        JSON.stringify(cardFor(mutated)),
        original,
        `${pattern(path)} is stored but shown nowhere on the casus card`,
      );
    });
  }

  it('shows the evidence without a toggle: no hidden container around it', () => {
    const card = cardFor(intake);
    let found = false;
    const visit = (node: unknown, hidden: boolean): void => {
      if (Array.isArray(node)) return node.forEach((item) => visit(item, hidden));
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      const nowHidden = hidden || record.isVisible === false;
      if (record.text === 'Onderbouwing bij aanmelding') {
        found = true;
        assert.equal(nowHidden, false, 'the evidence is behind a toggle');
      }
      for (const value of Object.values(record)) visit(value, nowHidden);
    };
    visit(card, false);
    assert.ok(found, 'no evidence block on the casus card');
  });
});
