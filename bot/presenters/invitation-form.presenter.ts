import { z } from 'zod';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { namedParties } from '../../src/domain/invitation/named-parties';
import type { FieldIssue } from '../../src/domain/invitation/propose';
import {
  beroepsgeheimen,
  planFasen,
  publiekeTaakCategorieen,
} from '../../src/domain/invitation/invitation-vocabulary';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import {
  invitationFormCard,
  invitationFormValuesSchema,
  type InvitationFormValues,
} from '../cards/invitation-form.card';
import type { BackTo, NoticeStyle } from './casus.presenter';

const field = z.string().max(4000).default('');

const inputs = Object.fromEntries(
  Object.keys(invitationFormValuesSchema.shape).map((key) => [key, field]),
) as Record<keyof InvitationFormValues, typeof field>;

/** The form as submitted: every input by its id; what is missing is empty. */
export const invitationFormFieldsSchema = z.object({ organisatieKeuze: field, ...inputs });
export type InvitationFormFields = z.infer<typeof invitationFormFieldsSchema>;

const blank = (value: string): string | undefined => (value.trim() ? value : undefined);

/**
 * The form's inputs in the shape of `invitationProposalSchema`, unchecked: the domain parses them
 * and a refusal names what is wrong. A name typed wins over a party picked from the intake.
 */
export function proposalFromForm(form: InvitationFormFields): unknown {
  return {
    organisatie: {
      naam: form.organisatieNaam.trim() || form.organisatieKeuze,
      categorie: blank(form.categorie),
      categorieOmschrijving: form.categorieOmschrijving,
    },
    contactpersoon: {
      naam: form.contactNaam,
      email: form.contactEmail.trim(),
      entraObjectId: form.contactEntraObjectId,
    },
    expertise: { omschrijving: form.expertise, motivering: form.expertiseMotivering },
    rol: {
      fasen: form.fasen ? form.fasen.split(',').filter(Boolean) : [],
      motivering: form.rolMotivering,
    },
    beroepsgeheim: {
      soort: blank(form.beroepsgeheim),
      omschrijving: form.beroepsgeheimOmschrijving,
    },
    casusoverleg: form.casusoverleg,
  };
}

/** The label of the input a proposal field is typed in, for "Controleer deze velden". */
const fieldLabels: Record<string, string> = {
  organisatie: 'Organisatie',
  'organisatie.naam': 'Naam van de organisatie',
  'organisatie.categorie': 'Publieke taak van de organisatie',
  'organisatie.categorieOmschrijving': 'Omschrijving van de publieke taak',
  contactpersoon: 'Contactpersoon',
  'contactpersoon.naam': 'Naam van de contactpersoon',
  'contactpersoon.email': 'E-mailadres',
  'contactpersoon.entraObjectId': 'Entra object-id',
  expertise: 'Deskundigheid',
  'expertise.omschrijving': 'Welke deskundigheid',
  'expertise.motivering': 'Motivering van de deskundigheid',
  rol: 'Rol in het plan van aanpak',
  'rol.fasen': 'Deel van het plan van aanpak',
  'rol.motivering': 'Motivering van de rol',
  beroepsgeheim: 'Geheimhoudingsplicht',
  'beroepsgeheim.soort': 'Geheimhoudingsplicht',
  'beroepsgeheim.omschrijving': 'Welke geheimhoudingsplicht',
  casusoverleg: 'Datum van het casusoverleg',
};

const emptyValues: InvitationFormValues = Object.fromEntries(
  Object.keys(invitationFormValuesSchema.shape).map((key) => [key, '']),
) as InvitationFormValues;

const choicesOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, title]) => ({ title, value }));

export interface InvitationFormState {
  /** What was typed before a refusal; empty for a new form. */
  form?: InvitationFormFields;
  notice?: { text: string; style: NoticeStyle };
  issues?: readonly FieldIssue[];
  backTo?: BackTo;
}

/** The proposal form for a casus in behandeling at `table`. */
export function invitationFormCardFor(
  casus: Casus,
  table: Kamer,
  state: InvitationFormState = {},
): AdaptiveCardJson {
  const parties = namedParties(casus.submission?.intake.criterium4.overigePartijen);
  const { organisatieKeuze, ...values } = state.form ?? { ...emptyValues, organisatieKeuze: '' };
  const issues = state.issues ?? [];
  return invitationFormCard.render({
    casusId: casus.id,
    revision: casus.revision,
    casusNumber: casus.casusNumber ?? '',
    table: table.name,
    notices: state.notice ? [state.notice] : [],
    errorSummary: issues.length > 0 ? [{}] : [],
    errors: issues.map((issue) => ({
      label: fieldLabels[issue.path] ?? 'Voorstel',
      message: issue.message,
    })),
    parties:
      parties.length > 0
        ? [
            {
              value: parties.includes(organisatieKeuze) ? organisatieKeuze : '',
              choices: parties.map((name) => ({ title: name, value: name })),
            },
          ]
        : [],
    nameLabel:
      parties.length > 0
        ? 'Naam van de organisatie (of kies hierboven een partij uit de aanmelding)'
        : 'Naam van de organisatie',
    categories: choicesOf(publiekeTaakCategorieen.labels),
    fasen: choicesOf(planFasen.labels),
    geheimen: choicesOf(beroepsgeheimen.labels),
    values: { ...emptyValues, ...values },
    backTo: state.backTo ? [state.backTo] : [],
  });
}
