import { z } from 'zod';
import template from '../../cards/not-authorised.json';
import { defineCard } from './card-template';

export const notAuthorisedCard = defineCard(
  'not-authorised',
  template,
  z.object({ reason: z.string().min(1) }),
);
