import { z } from 'zod';

/** A bewaartermijn in whole months: at least one, at most twenty years. */
export const maandenSchema = z.number().int().min(1).max(240);

/**
 * The defaults, and where each comes from. Neither the WGS nor the BGS names a number: AVG art. 5
 * lid 1 onder e (opslagbeperking) says no longer than necessary for the purpose, and the
 * overheidsdeelnemers as joint controllers set the period. Until their stuurgroep has, these
 * apply: two years after closure (a casus that returns within that time is seen with its history,
 * the usual horizon of a plan van aanpak's evaluation), half a year after rejection (long enough
 * for a complaint or a renewed aanmelding to be assessed against it).
 */
export const defaultBewaartermijnen = Object.freeze({
  naAfsluiting: 24,
  naAfwijzing: 6,
});

export const bewaartermijnSources = Object.freeze({
  naAfsluiting:
    'AVG art. 5 lid 1 onder e; de WGS noemt geen termijn: vast te stellen door de stuurgroep',
  naAfwijzing:
    'AVG art. 5 lid 1 onder e; de WGS noemt geen termijn: vast te stellen door de stuurgroep',
});

/** A kamer's bewaartermijnen; each may be left out and takes its default, unknown keys are refused. */
export const bewaartermijnenSchema = z
  .strictObject({
    naAfsluiting: maandenSchema.default(defaultBewaartermijnen.naAfsluiting),
    naAfwijzing: maandenSchema.default(defaultBewaartermijnen.naAfwijzing),
  })
  .default(() => ({ ...defaultBewaartermijnen }));
export type Bewaartermijnen = z.infer<typeof bewaartermijnenSchema>;
