import { z } from 'zod';
import template from '../../cards/help.json';
import { defineCard } from './card-template';

export const helpCardSchema = z.object({
  user: z.object({ name: z.string(), roles: z.string(), organisation: z.string() }),
  /** Set when the user typed something that is not a command: said so above the commands. */
  notUnderstood: z.array(z.object({})).max(1),
  commands: z
    .array(
      z.object({
        command: z.string(),
        description: z.string(),
        /** Each command is one press away; a command that needs an argument opens its form. */
        button: z
          .array(
            z.object({
              title: z.string().min(1),
              verb: z.enum(['command.run', 'casus.search.form']),
              command: z.string(),
            }),
          )
          .max(1),
      }),
    )
    .min(1),
  demoNotice: z.array(z.object({})).max(1),
});

export const helpCard = defineCard('help', template, helpCardSchema);
