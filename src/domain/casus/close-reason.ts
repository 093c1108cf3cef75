import { z } from 'zod';

/**
 * Why a casus was closed, recorded next to the motivation so that closures can be counted and
 * accounted for ("helder verantwoorden") without reading every motivation.
 */
export const closeReasonSchema = z.enum([
  'plan-uitgevoerd',
  'geen-grondslag',
  'verhuisd-overleden',
  'overgedragen',
  'anders',
]);
export type CloseReason = z.infer<typeof closeReasonSchema>;

export const closeReasonLabels: Record<CloseReason, string> = {
  'plan-uitgevoerd': 'Plan van aanpak uitgevoerd',
  'geen-grondslag': 'Geen grondslag meer',
  'verhuisd-overleden': 'Betrokkene verhuisd of overleden',
  overgedragen: 'Overgedragen',
  anders: 'Anders',
};
