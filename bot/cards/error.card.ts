import { z } from 'zod';
import template from '../../cards/error.json';
import { defineCard } from './card-template';

export const errorCardSchema = z.object({
  title: z.string().min(1),
  message: z.string().min(1),
  notes: z.array(z.string()),
});

export const errorCard = defineCard('error', template, errorCardSchema);
