import { z } from 'zod';
import template from '../../cards/casus-superseded.json';
import { eventLabels } from '../presenters/casus-status';
import { defineCard } from './card-template';
import { casusNumberSchema } from './restricted-text';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Geaccepteerd door de Lokale Kamer op 5 maart 2026 om 10:05.": one of our labels and a time. */
const saidSchema = z
  .string()
  .regex(
    new RegExp(
      `^(${Object.values(eventLabels).map(escaped).join('|')}) op \\d{1,2} [a-z]+ \\d{4} om \\d{1,2}:\\d{2}\\.$`,
    ),
  );

/**
 * What an earlier casus card in a chat becomes once a newer one about the same casus arrives
 * there: one current card per chat instead of several identical ones. It keeps one line of what
 * it said, so the chat still reads as a history.
 */
export const casusSupersededCard = defineCard(
  'casus-superseded',
  template,
  z.object({
    casusId: z.uuid(),
    casusNumber: casusNumberSchema,
    said: z
      .array(z.object({ text: saidSchema }))
      .max(1)
      .default([]),
  }),
);
