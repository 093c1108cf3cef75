// A one-off measurement: what one casus card costs to render and to serialise, in isolation.
import { assessIntake } from '../../src/domain/intake/assessment';
import { intakeSchema } from '../../src/domain/intake/intake.schema';
import { casusCardFor } from '../../bot/presenters/casus.presenter';
import { seedActor, seedKamer } from '../../test/helpers/seed-actors';
import { sampleCasus } from '../../test/helpers/samples';

const kamer = seedKamer('lk-rotterdam');
const actor = seedActor('Jeroen de Vries');
const intake = intakeSchema.parse(JSON.parse(process.env.INTAKE!));
const casus = sampleCasus({
  state: 'aangemeld',
  revision: 2,
  kamerId: 'lk-rotterdam',
  casusNumber: 'LK-ROT-2026-0007',
  submission: { submittedAt: '2026-03-05T10:00:00.000Z', intake, assessment: assessIntake(intake) },
});
const view = { kamer, zvh: undefined, refreshUserIds: [] };
const time = (what: string, n: number, fn: () => unknown) => {
  for (let i = 0; i < 200; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  process.stdout.write(
    `${what}: ${(Number(process.hrtime.bigint() - start) / n / 1000).toFixed(0)} µs\n`,
  );
};
const card = casusCardFor(actor, casus, view);
const plain = JSON.parse(JSON.stringify(card)) as unknown;
process.stdout.write(`card ${JSON.stringify(card).length} chars\n`);
time('casusCardFor (view, zod, expand, size check)', 1000, () => casusCardFor(actor, casus, view));
time('JSON.stringify(rendered card)', 3000, () => JSON.stringify({ value: card }));
time('JSON.stringify(same card, plain copy)', 3000, () => JSON.stringify({ value: plain }));
