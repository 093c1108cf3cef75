import { z } from 'zod';
import template from '../../cards/casus-superseded.json';
import { defineCard } from './card-template';
import { casusNumberSchema } from './restricted-text';

/**
 * What an earlier casus card in a chat becomes once a newer one about the same casus arrives
 * there: one current card per chat instead of several identical ones. It keeps one line of what
 * it said ("Geaccepteerd door de Lokale Kamer op …"), so the chat still reads as a history.
 */
export const casusSupersededCard = defineCard(
  'casus-superseded',
  template,
  z.object({
    casusNumber: casusNumberSchema,
    said: z.array(z.object({ text: z.string() })).max(1).default([]),
  }),
);
