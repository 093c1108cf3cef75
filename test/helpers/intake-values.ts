import type { Casus } from '../../src/domain/casus/casus.schema';
import { assessIntake } from '../../src/domain/intake/assessment';
import { parseIntake, type IntakeContext } from '../../src/domain/intake/intake-form';
import type { Organisation } from '../../src/domain/registry/registry.schema';
import { rememberPersonalValues } from './channel-privacy';
import seed from '../../seed/registry.demo.json';
/** Form values (as a card sends them) for each wizard step of an intake that meets BGS art. 2.20. */
export const validStepValues = {
  betrokkene: {
    naam: 'Jan Jansen',
    geboortedatum: '1988-04-12',
    gemeente: 'Rotterdam',
    bsn: '111222333',
    aanmeldroute: 'veilig-thuis',
    kamerId: 'lk-rotterdam',
    urgentie: 'hoog',
  },
  'criteria-1-2': {
    bijBetrokkene: 'true',
    inGezinssituatie: 'false',
    gezinsRelevantie: '',
    motivering1: 'Betrokkene heeft schulden, een verslaving en geen vaste woonplek.',
    'leefgebied-huisvesting': 'probleem',
    'leefgebied-financien-schulden': 'probleem',
    'leefgebied-verslaving': 'criminogeen',
    'leefgebied-justitie-politie': 'criminogeen',
    motivering2: 'Verslaving en eerdere politiecontacten versterken elkaar aantoonbaar.',
  },
  'criterium-3': {
    gevolgen: 'ernstige-overlast,criminaliteit',
    tijden: 'leidt',
    'aanwijzing1-soort': 'politiemelding',
    'aanwijzing1-datum': '2025-11-03',
    'aanwijzing1-tot': '2026-01-20',
    'aanwijzing1-bron': 'Politie eenheid Rotterdam',
    'aanwijzing1-omschrijving': 'Zes meldingen van geluidsoverlast en bedreiging van buren.',
    motivering3: 'Buren melden wekelijks ernstige overlast; er lopen twee aangiftes.',
  },
  'criterium-4': {
    'deelnemers-zorg': 'ggz-maasoever',
    'deelnemers-justitieel': 'politie-rotterdam',
    'deelnemers-sociaal': 'wijkteam-rotterdam-noord',
    overigePartijen: 'Woonstichting Maasstad (huurachterstand, dreigende ontruiming)',
    motivering4: 'Verslavingszorg, politie en schuldhulp moeten samen één plan maken.',
    doorbraakNodig: 'false',
    doorbraakToelichting: '',
  },
} as const;

/** All of them in one record, as a draft stores them. */
export const validFormValues = Object.assign({}, ...Object.values(validStepValues)) as Record<
  string,
  string
>;

/** Criterion 3's first indication slot left empty: no objective indication at all. */
export const noAanwijzing = {
  'aanwijzing1-soort': '',
  'aanwijzing1-datum': '',
  'aanwijzing1-tot': '',
  'aanwijzing1-bron': '',
  'aanwijzing1-omschrijving': '',
} as const;

/** What parsing an intake needs besides its values: the date, and the demo registry's organisations. */
export const demoIntakeContext = (today: string): IntakeContext => ({
  today,
  organisations: seed.organisations as Organisation[],
});

/**
 * A casus's `submission` for these form values (the valid ones by default), parsed and assessed as
 * submitting does, on `today`.
 */
export function submissionOf(
  submittedAt: string,
  values: Record<string, string> = validFormValues,
  today = new Date().toISOString().slice(0, 10),
): NonNullable<Casus['submission']> {
  rememberPersonalValues(values);
  const parsed = parseIntake(values, demoIntakeContext(today));
  if (!parsed.ok)
    throw new Error(`These form values do not parse: ${JSON.stringify(parsed.error)}`);
  return { submittedAt, intake: parsed.value, assessment: assessIntake(parsed.value) };
}
