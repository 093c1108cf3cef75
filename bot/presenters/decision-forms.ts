import type { CasusAction } from '../../src/domain/casus/casus-machine';
import type { CloseReason } from '../../src/domain/casus/close-reason';
import { closeReasonLabels } from '../../src/domain/casus/close-reason';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import { withArticle } from './casus-status';

type ButtonStyle = 'positive' | 'destructive' | 'default';

/** The decision buttons. Intake-side actions (indienen, aanvullen) have their own forms. */
const buttons: Partial<Record<CasusAction, { title: string; style: ButtonStyle }>> = {
  accepteren: { title: 'Accepteren', style: 'positive' },
  afwijzen: { title: 'Afwijzen…', style: 'destructive' },
  'informatie-vragen': { title: 'Informatie vragen', style: 'default' },
  opschalen: { title: 'Opschalen naar het ZVH…', style: 'default' },
  'opschaling-accepteren': { title: 'Opschaling accepteren', style: 'positive' },
  'opschaling-weigeren': { title: 'Opschaling weigeren…', style: 'destructive' },
  afschalen: { title: 'Afschalen naar de Lokale Kamer…', style: 'default' },
  afsluiten: { title: 'Casus afsluiten…', style: 'destructive' },
};

/**
 * Decisions with a motivation of their own: a card that offers two of them (opschalen and
 * afsluiten) must not let one motivation pass for the other. The rest share `motivation`.
 */
const ownFields: Partial<Record<CasusAction, { id: string; label: string }>> = {
  opschalen: {
    id: 'motivationOpschalen',
    label: 'Motivering voor opschalen: waarom is een doorbraak nodig?',
  },
  afschalen: { id: 'motivationAfschalen', label: 'Motivering voor afschalen' },
  afsluiten: { id: 'motivationAfsluiten', label: 'Motivering voor afsluiten' },
};

/** The card input that holds the motivation for this action. */
export function motivationField(action: CasusAction): string {
  return ownFields[action]?.id ?? 'motivation';
}

export interface DecisionForm {
  inputId: string;
  label: string;
  /** Only a lone form validates in the client: Teams checks every required input on the card. */
  required: boolean;
  value: string;
  reasons: {
    required: boolean;
    choices: { title: string; value: CloseReason }[];
    value: CloseReason | '';
  }[];
  actions: { title: string; action: CasusAction; style: ButtonStyle }[];
}

/** A refused or withdrawn attempt, back in its form so that nothing typed is lost. */
export interface DecisionDraft {
  action: CasusAction;
  motivation: string;
  closeReason?: CloseReason | undefined;
}

/** The forms for the decisions a viewer may take now, one per motivation field. */
export function decisionForms(
  allowed: readonly CasusAction[],
  draft: DecisionDraft | undefined,
): DecisionForm[] {
  const forms = new Map<string, DecisionForm>();
  for (const action of allowed) {
    const button = buttons[action];
    if (!button) continue;
    const inputId = motivationField(action);
    let form = forms.get(inputId);
    if (!form) {
      form = {
        inputId,
        label: ownFields[action]?.label ?? 'Motivering van het besluit',
        required: false,
        value: draft && motivationField(draft.action) === inputId ? draft.motivation : '',
        reasons:
          action === 'afsluiten'
            ? [
                {
                  required: false,
                  choices: Object.entries(closeReasonLabels).map(([value, title]) => ({
                    title,
                    value: value as CloseReason,
                  })),
                  value: draft?.closeReason ?? '',
                },
              ]
            : [],
        actions: [],
      };
      forms.set(inputId, form);
    }
    form.actions.push({ action, ...button });
  }
  const all = [...forms.values()];
  const required = all.length === 1;
  return all.map((form) => ({
    ...form,
    required,
    reasons: form.reasons.map((reasons) => ({ ...reasons, required })),
  }));
}

/** What a confirmation says will happen, before the decider presses a second time. */
export function consequenceOf(action: CasusAction, kamer: Kamer, zvh: Kamer | undefined): string {
  const theZvh = zvh ? withArticle(zvh) : 'het Zorg- en Veiligheidshuis';
  switch (action) {
    case 'afwijzen':
      return 'Weet je het zeker? De aanmelding wordt afgewezen; dit kan niet ongedaan worden. De aanmelder hoort het besluit en de motivering.';
    case 'afsluiten':
      return 'Weet je het zeker? De casus wordt afgesloten; dit kan niet ongedaan worden.';
    case 'opschalen':
      return `Weet je het zeker? De casus gaat naar ${theZvh}, dat beslist of het de casus overneemt; zolang besluit ${withArticle(kamer)} er niet over. Dit kan niet ongedaan worden.`;
    case 'afschalen':
      return `Weet je het zeker? De casus gaat terug naar ${withArticle(kamer)}; ${theZvh} besluit er dan niet meer over. Dit kan niet ongedaan worden.`;
    case 'opschaling-weigeren':
      return `Weet je het zeker? De casus blijft bij ${withArticle(kamer)}; ${theZvh} neemt hem niet over. Dit kan niet ongedaan worden.`;
    default:
      return 'Weet je het zeker? Dit kan niet ongedaan worden.';
  }
}

/** The confirming button: says once more what it does. */
export const confirmTitles: Partial<Record<CasusAction, string>> = {
  afwijzen: 'Ja, aanmelding afwijzen',
  afsluiten: 'Ja, casus afsluiten',
  opschalen: 'Ja, opschalen naar het ZVH',
  afschalen: 'Ja, afschalen naar de Lokale Kamer',
  'opschaling-weigeren': 'Ja, opschaling weigeren',
};
