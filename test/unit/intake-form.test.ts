import assert from 'node:assert/strict';
import {
  formValuesSchema,
  intakeSteps,
  parseIntake,
  parseStep,
  stepFields,
  type FieldErrors,
  type FormField,
  type FormStep,
  type FormValues,
} from '../../src/domain/intake/intake-form';
import { MAX_TEXT, MIN_MOTIVATION } from '../../src/domain/intake/intake.schema';
import type { Organisation } from '../../src/domain/registry/registry.schema';
import seed from '../../seed/registry.demo.json';

const today = '2026-11-23';
const organisations = seed.organisations as Organisation[];
const ctx = { today, organisations };
const motivation = (n: number) => 'x'.repeat(n);

/** A complete intake as an Adaptive Card submits it: every value a string. */
const validValues = (overrides: Partial<FormValues> = {}): FormValues => ({
  naam: 'Jan de Vries',
  geboortedatum: '1990-05-17',
  gemeente: 'Rotterdam',
  bsn: '111222333',
  aanmeldroute: 'veilig-thuis',
  kamerId: 'lokale-kamer-rotterdam-zuid',
  urgentie: 'hoog',
  bijBetrokkene: 'true',
  inGezinssituatie: 'true',
  gezinsRelevantie: 'Zijn broer dealt vanuit de gezamenlijke woning.',
  motivering1: 'Betrokkene heeft schulden en een verslaving, het gezin is ontwricht.',
  'leefgebied-verslaving': 'criminogeen',
  'leefgebied-justitie-politie': 'criminogeen',
  'leefgebied-huisvesting': 'probleem',
  motivering2: 'Verslaving en contacten met politie hangen samen met zijn delicten.',
  gevolgen: 'ernstige-overlast,criminaliteit',
  tijden: 'leidt,heeft-geleid',
  'aanwijzing1-soort': 'aangifte',
  'aanwijzing1-datum': '2026-10-01',
  'aanwijzing1-bron': 'Politie eenheid Rotterdam',
  'aanwijzing1-omschrijving': 'Aangifte van bedreiging door de buurvrouw.',
  motivering3: 'Buren melden wekelijks overlast; er lopen twee strafzaken.',
  'deelnemers-justitieel': 'politie-rotterdam',
  'deelnemers-zorg': 'ggz-maasoever',
  'deelnemers-sociaal': 'wijkteam-rotterdam-noord',
  motivering4: 'Reclassering, verslavingszorg en wijkteam moeten samen optrekken.',
  doorbraakNodig: 'false',
  doorbraakToelichting: '',
  ...overrides,
});

const formSteps = Object.keys(stepFields) as FormStep[];

function errorsOf(step: FormStep, values: FormValues): FieldErrors {
  const result = parseStep(step, values, ctx);
  assert.equal(result.ok, false, `expected step ${step} to fail`);
  return result.ok ? {} : result.error;
}

function assertOnlyError(step: FormStep, values: FormValues, field: FormField, pattern: RegExp) {
  const errors = errorsOf(step, values);
  assert.deepEqual(Object.keys(errors), [field], JSON.stringify(errors));
  const message = errors[field];
  assert.ok(message, `no message for ${field}`);
  assert.match(message, pattern);
}

describe('intake form (parseStep / parseIntake)', () => {
  describe('a complete valid set of card values', () => {
    for (const step of formSteps) {
      it(`passes step ${step}`, () => {
        const result = parseStep(step, validValues(), ctx);
        assert.equal(result.ok, true, JSON.stringify(result.ok ? null : result.error));
      });
    }

    it('parses into a typed intake: toggles become booleans, multi-selects arrays', () => {
      const result = parseIntake(validValues(), ctx);
      assert.ok(result.ok, JSON.stringify(result.ok ? null : result.error));
      const intake = result.value;
      assert.deepEqual(intake.betrokkene, {
        naam: 'Jan de Vries',
        geboortedatum: '1990-05-17',
        gemeente: 'Rotterdam',
        bsn: '111222333',
      });
      assert.deepEqual(intake.aanmelding, {
        aanmeldroute: 'veilig-thuis',
        kamerId: 'lokale-kamer-rotterdam-zuid',
        urgentie: 'hoog',
      });
      assert.equal(intake.criterium1.bijBetrokkene, true);
      assert.equal(intake.criterium1.inGezinssituatie, true);
      assert.deepEqual(intake.criterium2.leefgebieden, [
        { leefgebied: 'huisvesting', status: 'probleem' },
        { leefgebied: 'verslaving', status: 'criminogeen' },
        { leefgebied: 'justitie-politie', status: 'criminogeen' },
      ]);
      assert.deepEqual(intake.criterium3.gevolgen, ['ernstige-overlast', 'criminaliteit']);
      assert.deepEqual(intake.criterium3.tijden, ['leidt', 'heeft-geleid']);
      assert.deepEqual(intake.criterium3.aanwijzingen, [
        {
          soort: 'aangifte',
          datum: '2026-10-01',
          totDatum: undefined,
          bron: 'Politie eenheid Rotterdam',
          omschrijving: 'Aangifte van bedreiging door de buurvrouw.',
        },
      ]);
      assert.deepEqual(intake.criterium4.deelnemers, [
        {
          organisationId: 'politie-rotterdam',
          name: 'Politie eenheid Rotterdam',
          domain: 'justitieel',
        },
        { organisationId: 'ggz-maasoever', name: 'GGZ Maasoever', domain: 'zorg' },
        {
          organisationId: 'wijkteam-rotterdam-noord',
          name: 'Wijkteam Rotterdam-Noord',
          domain: 'sociaal',
        },
      ]);
      assert.deepEqual(intake.doorbraak, { nodig: false, toelichting: undefined });
    });

    it("reads 'false' toggles as false and tolerates spaces around multi-select values", () => {
      const result = parseIntake(
        validValues({
          bijBetrokkene: 'false',
          inGezinssituatie: 'false',
          tijden: ' leidt , heeft-geleid ',
          doorbraakNodig: 'true',
        }),
        ctx,
      );
      assert.ok(result.ok);
      assert.equal(result.value.criterium1.bijBetrokkene, false);
      assert.equal(result.value.criterium1.inGezinssituatie, false);
      assert.deepEqual(result.value.criterium3.tijden, ['leidt', 'heeft-geleid']);
      assert.equal(result.value.doorbraak.nodig, true);
    });

    it('reads an absent toggle as false', () => {
      const result = parseIntake(
        validValues({
          bijBetrokkene: undefined,
          inGezinssituatie: undefined,
          doorbraakNodig: undefined,
        }),
        ctx,
      );
      assert.ok(result.ok);
      assert.equal(result.value.criterium1.bijBetrokkene, false);
      assert.equal(result.value.criterium1.inGezinssituatie, false);
      assert.equal(result.value.doorbraak.nodig, false);
    });

    it('treats an empty or absent optional BSN as "not given"', () => {
      for (const bsn of ['', '   ', undefined]) {
        const result = parseStep('betrokkene', validValues({ bsn }), ctx);
        assert.ok(result.ok, `bsn ${JSON.stringify(bsn)}`);
        assert.equal(result.value.betrokkene?.bsn, undefined);
      }
    });

    it('trims a valid BSN typed with surrounding spaces', () => {
      const result = parseStep('betrokkene', validValues({ bsn: ' 123456782 ' }), ctx);
      assert.ok(result.ok);
      assert.equal(result.value.betrokkene?.bsn, '123456782');
    });

    it('accepts a birth date of today and one exactly 120 years ago', () => {
      for (const geboortedatum of [today, '1906-11-23']) {
        const result = parseStep('betrokkene', validValues({ geboortedatum }), ctx);
        assert.equal(result.ok, true, geboortedatum);
      }
    });

    it(`accepts a motivation of exactly ${MIN_MOTIVATION} and exactly ${MAX_TEXT} characters`, () => {
      for (const n of [MIN_MOTIVATION, MAX_TEXT]) {
        const result = parseStep('criterium-3', validValues({ motivering3: motivation(n) }), ctx);
        assert.equal(result.ok, true, `${n} characters`);
      }
    });
  });

  describe('puts each Dutch error on the right field', () => {
    const cases: [string, FormStep, Partial<FormValues>, FormField, RegExp][] = [
      ['an empty naam', 'betrokkene', { naam: '' }, 'naam', /naam van betrokkene/],
      ['a naam of only spaces', 'betrokkene', { naam: '    ' }, 'naam', /naam van betrokkene/],
      ['a missing naam', 'betrokkene', { naam: undefined }, 'naam', /naam van betrokkene/],
      [
        'a geboortedatum in the future',
        'betrokkene',
        { geboortedatum: '2026-11-24' },
        'geboortedatum',
        /in de toekomst/,
      ],
      [
        'a geboortedatum far more than 120 years ago',
        'betrokkene',
        { geboortedatum: '1850-01-01' },
        'geboortedatum',
        /meer dan 120 jaar geleden/,
      ],
      [
        'a geboortedatum one day more than 120 years ago',
        'betrokkene',
        { geboortedatum: '1906-11-22' },
        'geboortedatum',
        /meer dan 120 jaar geleden/,
      ],
      [
        'a geboortedatum that is not a date',
        'betrokkene',
        { geboortedatum: '17-05-1990' },
        'geboortedatum',
        /geldige geboortedatum/,
      ],
      [
        'a geboortedatum that does not exist',
        'betrokkene',
        { geboortedatum: '1990-02-30' },
        'geboortedatum',
        /geldige geboortedatum/,
      ],
      ['an empty gemeente', 'betrokkene', { gemeente: '' }, 'gemeente', /gemeente/],
      ['a BSN failing the elfproef', 'betrokkene', { bsn: '123456789' }, 'bsn', /elfproef/],
      ['a BSN of 8 digits', 'betrokkene', { bsn: '11122233' }, 'bsn', /elfproef/],
      [
        'an unknown aanmeldroute',
        'betrokkene',
        { aanmeldroute: 'via-de-buurman' },
        'aanmeldroute',
        /^Kies een aanmeldroute\.$/,
      ],
      [
        'a missing aanmeldroute',
        'betrokkene',
        { aanmeldroute: undefined },
        'aanmeldroute',
        /^Kies een aanmeldroute\.$/,
      ],
      [
        'a missing urgentie',
        'betrokkene',
        { urgentie: undefined },
        'urgentie',
        /^Kies een urgentie\.$/,
      ],
      ['an empty urgentie', 'betrokkene', { urgentie: '' }, 'urgentie', /^Kies een urgentie\.$/],
      ['a missing kamer', 'betrokkene', { kamerId: '' }, 'kamerId', /Lokale Kamer/],
      [
        'a short motivation for criterium 1',
        'criteria-1-2',
        { motivering1: motivation(MIN_MOTIVATION - 1) },
        'motivering1',
        new RegExp(`minstens ${MIN_MOTIVATION} tekens`),
      ],
      [
        'a motivation that is only long because of spaces',
        'criteria-1-2',
        { motivering2: `   ${motivation(MIN_MOTIVATION - 1)}   ` },
        'motivering2',
        new RegExp(`minstens ${MIN_MOTIVATION} tekens`),
      ],
      [
        'a short motivation for criterium 3',
        'criterium-3',
        { motivering3: 'Te kort.' },
        'motivering3',
        new RegExp(`minstens ${MIN_MOTIVATION} tekens`),
      ],
      [
        'a missing motivation for criterium 4',
        'criterium-4',
        { motivering4: undefined },
        'motivering4',
        new RegExp(`minstens ${MIN_MOTIVATION} tekens`),
      ],
      [
        'a forged leefgebied answer that says two things at once',
        'criteria-1-2',
        { 'leefgebied-veiligheid': 'probleem,criminogeen' },
        'leefgebied-veiligheid',
        /^Kies één antwoord uit de lijst\.$/,
      ],
      [
        'an unknown leefgebied answer',
        'criteria-1-2',
        { 'leefgebied-huisvesting': 'heel-erg' },
        'leefgebied-huisvesting',
        /^Kies één antwoord uit de lijst\.$/,
      ],
      [
        'an indication without a source',
        'criterium-3',
        { 'aanwijzing1-bron': '' },
        'aanwijzing1-bron',
        /organisatie/,
      ],
      [
        'an indication without a kind',
        'criterium-3',
        { 'aanwijzing1-soort': '' },
        'aanwijzing1-soort',
        /^Kies de soort aanwijzing\.$/,
      ],
      [
        'an indication dated in the future',
        'criterium-3',
        { 'aanwijzing1-datum': '2026-11-24' },
        'aanwijzing1-datum',
        /in de toekomst/,
      ],
      [
        'a period that ends before it begins',
        'criterium-3',
        { 'aanwijzing1-tot': '2026-09-01' },
        'aanwijzing1-tot',
        /voor de begindatum/,
      ],
      [
        'an unknown gevolg',
        'criterium-3',
        { gevolgen: 'criminaliteit,lawaai' },
        'gevolgen',
        /^Kies alleen gevolgen uit de lijst\.$/,
      ],
      [
        'an unknown tijd',
        'criterium-3',
        { tijden: 'ooit' },
        'tijden',
        /^Kies alleen uit de lijst\.$/,
      ],
      [
        'an organisation that is not in the registry',
        'criterium-4',
        { 'deelnemers-zorg': 'ggz-maasoever,zorgaanbieder-x' },
        'deelnemers-zorg',
        /^Kies alleen deelnemers uit de lijst\.$/,
      ],
      [
        'an incidentele deelnemer picked as a vaste deelnemer',
        'criterium-4',
        { 'deelnemers-sociaal': 'woonstichting-maasstad' },
        'deelnemers-sociaal',
        /^Kies alleen deelnemers uit de lijst\.$/,
      ],
      [
        'a partner sent under another domain (a forged card)',
        'criterium-4',
        { 'deelnemers-bestuurlijk': 'ggz-maasoever' },
        'deelnemers-bestuurlijk',
        /^Kies alleen deelnemers uit de lijst\.$/,
      ],
      [
        'a motivation longer than MAX_TEXT',
        'criterium-4',
        { motivering4: motivation(MAX_TEXT + 1) },
        'motivering4',
        new RegExp(`korter dan ${MAX_TEXT} tekens`),
      ],
      [
        'a gezinsRelevantie longer than MAX_TEXT',
        'criteria-1-2',
        { gezinsRelevantie: motivation(MAX_TEXT + 1) },
        'gezinsRelevantie',
        new RegExp(`korter dan ${MAX_TEXT} tekens`),
      ],
      [
        'an indication description longer than 500 characters',
        'criterium-3',
        { 'aanwijzing1-omschrijving': motivation(501) },
        'aanwijzing1-omschrijving',
        /korter dan 500 tekens/,
      ],
      [
        'a doorbraak toelichting longer than MAX_TEXT',
        'criterium-4',
        { doorbraakToelichting: motivation(MAX_TEXT + 1) },
        'doorbraakToelichting',
        new RegExp(`korter dan ${MAX_TEXT} tekens`),
      ],
    ];
    for (const [name, step, overrides, field, pattern] of cases) {
      it(`${name} → ${field} (step ${step})`, () => {
        assertOnlyError(step, validValues(overrides), field, pattern);
      });
    }

    it('asks for the rest of an indication that has only a description; an empty slot is none', () => {
      const errors = errorsOf(
        'criterium-3',
        validValues({
          'aanwijzing2-omschrijving': 'Melding van de woningcorporatie over overlast.',
        }),
      );
      assert.deepEqual(Object.keys(errors).sort(), [
        'aanwijzing2-bron',
        'aanwijzing2-datum',
        'aanwijzing2-soort',
      ]);
      assert.equal(parseStep('criterium-3', validValues({ 'aanwijzing3-tot': ' ' }), ctx).ok, true);
    });

    it('reports every failing field of a step at once, one message each', () => {
      const errors = errorsOf(
        'betrokkene',
        validValues({ naam: '', bsn: '123456789', urgentie: undefined }),
      );
      assert.deepEqual(Object.keys(errors).sort(), ['bsn', 'naam', 'urgentie']);
      for (const message of Object.values(errors)) assert.equal(typeof message, 'string');
    });

    it('only reports the fields of the step being checked', () => {
      const values = validValues({ naam: '', motivering3: 'kort' });
      assert.deepEqual(Object.keys(errorsOf('betrokkene', values)), ['naam']);
      assert.deepEqual(Object.keys(errorsOf('criterium-3', values)), ['motivering3']);
      assert.equal(parseStep('criteria-1-2', values, ctx).ok, true);
      assert.equal(parseStep('criterium-4', values, ctx).ok, true);
    });
  });

  describe('parseIntake', () => {
    it('walks the steps in wizard order', () => {
      assert.deepEqual(
        formSteps,
        intakeSteps.filter((step) => step !== 'samenvatting'),
      );
    });

    const breakers: Record<FormStep, Partial<FormValues>> = {
      betrokkene: { naam: '' },
      'criteria-1-2': { motivering1: 'kort' },
      'criterium-3': { gevolgen: 'lawaai' },
      'criterium-4': { 'deelnemers-zorg': 'onderwijs' },
    };

    formSteps.forEach((first, index) => {
      it(`reports ${first} when it is the first failing step`, () => {
        // Break this step and every later one; the earlier ones stay valid.
        const overrides = formSteps
          .slice(index)
          .reduce<Partial<FormValues>>((all, s) => ({ ...all, ...breakers[s] }), {});
        const result = parseIntake(validValues(overrides), ctx);
        assert.ok(!result.ok, 'expected the intake to fail');
        assert.equal(result.error.step, first);
        // Each breaker's key is also the field that carries the error.
        assert.deepEqual(Object.keys(result.error.errors), Object.keys(breakers[first]));
      });
    });

    it('reports the earlier step even when only a later and an earlier one fail', () => {
      const result = parseIntake(
        validValues({ ...breakers['criterium-4'], ...breakers['criteria-1-2'] }),
        ctx,
      );
      assert.ok(!result.ok);
      assert.equal(result.error.step, 'criteria-1-2');
    });

    it('fails on an empty form at the first step, naming every required field', () => {
      const result = parseIntake({}, ctx);
      assert.ok(!result.ok);
      assert.equal(result.error.step, 'betrokkene');
      assert.deepEqual(Object.keys(result.error.errors).sort(), [
        'aanmeldroute',
        'geboortedatum',
        'gemeente',
        'kamerId',
        'naam',
        'urgentie',
      ]);
    });
  });

  describe('formValuesSchema (the stored draft)', () => {
    it('keeps the known fields and strips unknown keys', () => {
      const parsed = formValuesSchema.parse({
        naam: 'Jan de Vries',
        motivering3: 'iets',
        verb: 'intake.next',
        __proto__injection: 'x',
        bsnExtra: '111222333',
      });
      assert.deepEqual(parsed, { naam: 'Jan de Vries', motivering3: 'iets' });
    });

    it('accepts every card field as a string, up to twice MAX_TEXT', () => {
      const all = Object.fromEntries(
        Object.values(stepFields)
          .flat()
          .map((field) => [field, motivation(MAX_TEXT * 2)]),
      );
      assert.equal(formValuesSchema.safeParse(all).success, true);
    });

    it('rejects an absurdly long string (100 KB)', () => {
      const result = formValuesSchema.safeParse({ motivering1: 'x'.repeat(100 * 1024) });
      assert.equal(result.success, false);
    });

    it('rejects a string just over twice MAX_TEXT', () => {
      assert.equal(
        formValuesSchema.safeParse({ naam: motivation(MAX_TEXT * 2 + 1) }).success,
        false,
      );
    });

    it('rejects non-string values', () => {
      assert.equal(formValuesSchema.safeParse({ bijBetrokkene: true }).success, false);
      assert.equal(formValuesSchema.safeParse({ naam: ['Jan'] }).success, false);
    });
  });
});

describe('intake form: the relevance of the family situation (BGS art. 2.20, criterium 1)', () => {
  const step = {
    bijBetrokkene: 'true',
    motivering1: 'Betrokkene heeft schulden, een verslaving en geen vaste woonplek.',
    'leefgebied-verslaving': 'criminogeen',
    'leefgebied-justitie-politie': 'criminogeen',
    motivering2: 'Verslaving en eerdere politiecontacten versterken elkaar aantoonbaar.',
  };

  it('asks why the family matters for betrokkene when the family situation is ticked', () => {
    const result = parseStep(
      'criteria-1-2',
      { ...step, inGezinssituatie: 'true', gezinsRelevantie: 'kort' },
      ctx,
    );
    assert.equal(result.ok, false);
    assert.match(
      (!result.ok && result.error.gezinsRelevantie) || '',
      /relevant zijn voor betrokkene/,
    );
  });

  it('needs no relevance text when the family situation is not ticked', () => {
    assert.equal(parseStep('criteria-1-2', { ...step, inGezinssituatie: 'false' }, ctx).ok, true);
  });
});

describe('intake form: drafts stored in the shape before issue 11', () => {
  it('reads the two leefgebied lists as one answer each; "criminogeen" wins, as it counted then', () => {
    const values = formValuesSchema.parse({
      naam: 'Jan',
      leefgebieden: 'huisvesting,verslaving',
      criminogeen: 'verslaving,veiligheid',
    });
    assert.deepEqual(values, {
      naam: 'Jan',
      'leefgebied-huisvesting': 'probleem',
      'leefgebied-verslaving': 'criminogeen',
      'leefgebied-veiligheid': 'criminogeen',
    });
  });

  it('turns the old free text into the first indication, still to be dated and sourced', () => {
    const values = formValuesSchema.parse({ objectieveAanwijzingen: 'Buren melden overlast.' });
    assert.deepEqual(values, {
      'aanwijzing1-soort': 'anders',
      'aanwijzing1-omschrijving': 'Buren melden overlast.',
    });
    const errors = parseStep('criterium-3', { ...values, gevolgen: 'criminaliteit' }, ctx);
    assert.ok(!errors.ok);
    assert.ok(errors.error['aanwijzing1-datum'] && errors.error['aanwijzing1-bron']);
  });

  it('drops old domains, which named no partner, and leaves a current draft untouched', () => {
    assert.deepEqual(formValuesSchema.parse({ domeinen: 'zorg,sociaal', motivering4: 'x' }), {
      motivering4: 'x',
    });
    const current = { 'leefgebied-verslaving': 'probleem', naam: 'Jan' };
    assert.deepEqual(formValuesSchema.parse(current), current);
  });
});
