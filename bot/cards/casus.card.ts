import { z } from 'zod';
import { zeroOrOne } from './schema-parts';
import template from '../../cards/casus.json';
import { casusActionSchema } from '../../src/domain/casus/casus-machine';
import { closeReasonSchema } from '../../src/domain/casus/close-reason';
import { invitationStateLabels } from '../../src/domain/invitation/invitation-machine';
import { casusStateShortLabels, eventLabels } from '../presenters/casus-status';
import { defineCard } from './card-template';
import { evidenceViewSchema } from './evidence-view';
import { casusNumberSchema, dateTimeTextSchema, labelSchema } from './restricted-text';

const buttonStyle = z.enum(['positive', 'destructive', 'default']);
const tableActionSchema = z.enum(['goedkeuren', 'afwijzen', 'beeindigen']);

/** Neutral (`emphasis`) for what was saved, warning for a changed casus, attention for refusals. */
export const noticeSchema = z.object({
  text: z.string(),
  style: z.enum(['emphasis', 'warning', 'attention', 'accent']),
});

/**
 * One card per casus, shown to everyone who may see it; each viewer gets their own view of it:
 * decision makers the forms their role allows now, the worker an answer form when information is
 * asked, everyone else the status. It leads with status and next step; the assessment and the
 * timeline are behind toggles. `refreshUserIds` (≤ 60, a Teams limit) get their view on refresh.
 */
export const casusCardSchema = z.object({
  casusId: z.uuid(),
  revision: z.number().int().min(0),
  casusNumber: casusNumberSchema,
  status: labelSchema(casusStateShortLabels),
  kamer: z.string(),
  notices: zeroOrOne(noticeSchema),
  nextStep: z.string().min(1),
  /** The intake's evidence (casus-evidence presenter), in view without a toggle. */
  evidence: zeroOrOne(evidenceViewSchema),
  refreshUserIds: z.array(z.string()).max(60),
  facts: z.array(z.object({ title: z.string(), value: z.string() })),
  /** The second step of an irreversible decision: what will happen, and the motivation given. */
  confirm: zeroOrOne(
    z.object({
      title: z.string(),
      action: casusActionSchema,
      consequence: z.string(),
      motivation: z.string(),
      closeReason: z.union([closeReasonSchema, z.literal('')]),
      reasons: zeroOrOne(z.object({ text: z.string() })),
    }),
  ),
  decide: zeroOrOne(z.object({ prompt: z.string() })),
  forms: z.array(
    z.object({
      inputId: z.string().regex(/^motivation[A-Za-z]*$/),
      label: z.string(),
      required: z.boolean(),
      value: z.string(),
      reasons: zeroOrOne(
        z.object({
          required: z.boolean(),
          value: z.union([closeReasonSchema, z.literal('')]),
          choices: z.array(z.object({ title: z.string(), value: closeReasonSchema })),
        }),
      ),
      actions: z
        .array(z.object({ title: z.string(), action: casusActionSchema, style: buttonStyle }))
        .min(1),
    }),
  ),
  /** "Incidentele deelnemers": the invitations (art. 2.21 BGS), their buttons, "Partij uitnodigen". */
  invitations: zeroOrOne(
    z.object({
      items: z.array(
        z.object({
          organisation: z.string(),
          state: labelSchema(invitationStateLabels),
          lines: z.array(z.object({ label: z.string(), text: z.string() })),
          forms: zeroOrOne(
            z.object({
              inputId: z.string().regex(/^invitationMotivation-[0-9a-f-]{36}$/),
              label: z.string(),
              value: z.string(),
              actions: z
                .array(
                  z.object({
                    title: z.string(),
                    invitationId: z.uuid(),
                    action: tableActionSchema,
                    style: buttonStyle,
                  }),
                )
                .min(1),
            }),
          ),
        }),
      ),
      none: zeroOrOne(z.object({})),
      earlier: zeroOrOne(z.object({ text: z.string() })),
      propose: zeroOrOne(z.object({})),
      /** At least one invitee signed: their declarations can be opened. */
      participants: zeroOrOne(z.object({})),
    }),
  ),
  /** The second step of a decision on an invitation. */
  invitationConfirm: zeroOrOne(
    z.object({
      invitationId: z.uuid(),
      action: tableActionSchema,
      title: z.string(),
      /** Approving is no loss; rejecting and ending are. */
      style: z.enum(['positive', 'destructive']),
      consequence: z.string(),
      motivation: z.string(),
    }),
  ),
  /** The worker's answer form; `draft` is what she typed, back in the input after a refusal. */
  answer: zeroOrOne(z.object({ question: z.string(), draft: z.string() })),
  /** "Bewaartermijn" of a closed or rejected casus, with the forms for those who decided on it. */
  retention: zeroOrOne(
    z.object({
      text: z.string(),
      forms: zeroOrOne(
        z.object({
          draft: z.string(),
          extend: zeroOrOne(
            z.object({ choices: z.array(z.object({ title: z.string(), value: z.string() })) }),
          ),
          hold: zeroOrOne(z.object({})),
          release: zeroOrOne(z.object({})),
        }),
      ),
    }),
  ),
  /** The toggles with the assessment and the timeline; absent on a confirmation. */
  sections: zeroOrOne(z.object({})),
  criteria: z.array(
    z.object({
      number: z.number().int().min(1).max(4),
      explanation: z.string(),
      motivation: z.string(),
    }),
  ),
  /** "12 eerdere stappen …": the card shows the latest events only. */
  earlier: zeroOrOne(z.object({ text: z.string() })),
  timeline: z.array(
    z.object({
      what: labelSchema(eventLabels),
      when: dateTimeTextSchema,
      who: z.string(),
      reasons: zeroOrOne(z.object({ text: z.string() })),
      motivations: zeroOrOne(z.object({ text: z.string() })),
    }),
  ),
  /** "Dossier exporteren (PDF)": a download link issued to this viewer, who may export it. */
  dossier: zeroOrOne(z.object({ url: z.url() })),
  /** Opened from a list: the one "Terug naar de lijst" button and the page it leads back to. */
  backTo: zeroOrOne(
    z.object({
      list: z.enum(['casuslijst', 'mijn-casussen']),
      kamerId: z.string(),
      page: z.number().int().min(1),
    }),
  ),
});
export type CasusCardView = z.input<typeof casusCardSchema>;

export const casusCard = defineCard('casus', template, casusCardSchema);
