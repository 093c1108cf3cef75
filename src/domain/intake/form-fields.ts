import type { Domain } from '../registry/registry.schema';
import { MAX_AANWIJZINGEN } from './intake.schema';
import { leefgebieden, type Leefgebied } from './vocabulary';

/** Criterion 2 asks one question per leefgebied: one card input each. */
export type LeefgebiedField = `leefgebied-${Leefgebied}`;
export const leefgebiedField = (leefgebied: Leefgebied): LeefgebiedField =>
  `leefgebied-${leefgebied}`;
export const leefgebiedFields = leefgebieden.schema.options.map(leefgebiedField);

/** Criterion 3: a fixed number of indication slots, shown one more at a time. */
export type AanwijzingSlot = 1 | 2 | 3 | 4 | 5;
export const aanwijzingSlots = Array.from(
  { length: MAX_AANWIJZINGEN },
  (_, index) => (index + 1) as AanwijzingSlot,
);
export const aanwijzingParts = ['soort', 'datum', 'tot', 'bron', 'omschrijving'] as const;
export type AanwijzingPart = (typeof aanwijzingParts)[number];
export type AanwijzingField = `aanwijzing${AanwijzingSlot}-${AanwijzingPart}`;
export const aanwijzingField = (slot: AanwijzingSlot, part: AanwijzingPart): AanwijzingField =>
  `aanwijzing${slot}-${part}`;
export const aanwijzingFields = aanwijzingSlots.flatMap((slot) =>
  aanwijzingParts.map((part) => aanwijzingField(slot, part)),
);

/** Criterion 4: the vaste deelnemers, picked per domain. */
export const domains = ['justitieel', 'bestuurlijk', 'zorg', 'sociaal'] as const satisfies Domain[];
export type DeelnemersField = `deelnemers-${Domain}`;
export const deelnemersField = (domain: Domain): DeelnemersField => `deelnemers-${domain}`;
export const deelnemersFields = domains.map(deelnemersField);
