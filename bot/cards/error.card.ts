import { z } from 'zod';
import template from '../../cards/error.json';
import { defineCard } from './card-template';
import { plainWordsSchema } from './restricted-text';

export const errorCardSchema = z.object({
  /** A heading, for screen readers too: only plain words, so it can stay a TextBlock. */
  title: plainWordsSchema,
  /** The title's colour: a refusal or failure by default; news that is not bad news otherwise. */
  tone: z.enum(['Attention', 'Warning', 'Good', 'Default']).default('Attention'),
  message: z.string().min(1),
  notes: z.array(z.string()),
});

export const errorCard = defineCard('error', template, errorCardSchema);
