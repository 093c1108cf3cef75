import { z } from 'zod';
import template from '../../cards/help.json';
import { defineCard } from './card-template';

export const helpCardSchema = z.object({
  user: z.object({ name: z.string(), roles: z.string(), organisation: z.string() }),
  commands: z.array(z.object({ command: z.string(), description: z.string() })).min(1),
  demoNotice: z.array(z.object({})).max(1),
});

export const helpCard = defineCard('help', template, helpCardSchema);
