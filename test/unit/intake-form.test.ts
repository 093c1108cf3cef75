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

const today = '2026-11-23';
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
  leefgebieden: 'verslaving,justitie-politie,huisvesting',
  criminogeen: 'verslaving,justitie-politie',
  motivering2: 'Verslaving en contacten met politie hangen samen met zijn delicten.',
  gevolgen: 'ernstige-overlast,criminaliteit',
  tijden: 'leidt,heeft-geleid',
  objectieveAanwijzingen: '',
  motivering3: 'Buren melden wekelijks overlast; er lopen twee strafzaken.',
  domeinen: 'justitieel,zorg,sociaal',
  motivering4: 'Reclassering, verslavingszorg en wijkteam moeten samen optrekken.',
  doorbraakNodig: 'false',
  doorbraakToelichting: '',
  ...overrides,
});

const formSteps = Object.keys(stepFields) as FormStep[];

function errorsOf(step: FormStep, values: FormValues): FieldErrors {
  const result = parseStep(step, values, today);
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
        const result = parseStep(step, validValues(), today);
        assert.equal(result.ok, true, JSON.stringify(result.ok ? null : result.error));
      });
    }

    it('parses into a typed intake: toggles become booleans, multi-selects arrays', () => {
      const result = parseIntake(validValues(), today);
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
        'verslaving',
        'justitie-politie',
        'huisvesting',
      ]);
      assert.deepEqual(intake.criterium2.criminogeen, ['verslaving', 'justitie-politie']);
      assert.deepEqual(intake.criterium3.gevolgen, ['ernstige-overlast', 'criminaliteit']);
      assert.deepEqual(intake.criterium3.tijden, ['leidt', 'heeft-geleid']);
      assert.equal(intake.criterium3.objectieveAanwijzingen, undefined, 'empty text → undefined');
      assert.deepEqual(intake.criterium4.domeinen, ['justitieel', 'zorg', 'sociaal']);
      assert.deepEqual(intake.doorbraak, { nodig: false, toelichting: undefined });
    });

    it("reads 'false' toggles as false and tolerates spaces around multi-select values", () => {
      const result = parseIntake(
        validValues({
          bijBetrokkene: 'false',
          inGezinssituatie: 'false',
          leefgebieden: ' verslaving , huisvesting ',
          doorbraakNodig: 'true',
        }),
        today,
      );
      assert.ok(result.ok);
      assert.equal(result.value.criterium1.bijBetrokkene, false);
      assert.equal(result.value.criterium1.inGezinssituatie, false);
      assert.deepEqual(result.value.criterium2.leefgebieden, ['verslaving', 'huisvesting']);
      assert.equal(result.value.doorbraak.nodig, true);
    });

    it('reads an absent toggle as false', () => {
      const result = parseIntake(
        validValues({
          bijBetrokkene: undefined,
          inGezinssituatie: undefined,
          doorbraakNodig: undefined,
        }),
        today,
      );
      assert.ok(result.ok);
      assert.equal(result.value.criterium1.bijBetrokkene, false);
      assert.equal(result.value.criterium1.inGezinssituatie, false);
      assert.equal(result.value.doorbraak.nodig, false);
    });

    it('treats an empty or absent optional BSN as "not given"', () => {
      for (const bsn of ['', '   ', undefined]) {
        const result = parseStep('betrokkene', validValues({ bsn }), today);
        assert.ok(result.ok, `bsn ${JSON.stringify(bsn)}`);
        assert.equal(result.value.betrokkene?.bsn, undefined);
      }
    });

    it('trims a valid BSN typed with surrounding spaces', () => {
      const result = parseStep('betrokkene', validValues({ bsn: ' 123456782 ' }), today);
      assert.ok(result.ok);
      assert.equal(result.value.betrokkene?.bsn, '123456782');
    });

    it('accepts a birth date of today and one exactly 120 years ago', () => {
      for (const geboortedatum of [today, '1906-11-23']) {
        const result = parseStep('betrokkene', validValues({ geboortedatum }), today);
        assert.equal(result.ok, true, geboortedatum);
      }
    });

    it(`accepts a motivation of exactly ${MIN_MOTIVATION} and exactly ${MAX_TEXT} characters`, () => {
      for (const n of [MIN_MOTIVATION, MAX_TEXT]) {
        const result = parseStep('criterium-3', validValues({ motivering3: motivation(n) }), today);
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
        'an unknown leefgebied in the multi-select',
        'criteria-1-2',
        { leefgebieden: 'verslaving,hobbys' },
        'leefgebieden',
        /^Kies alleen leefgebieden uit de lijst\.$/,
      ],
      [
        'an unknown criminogeen leefgebied',
        'criteria-1-2',
        { criminogeen: 'verslaving,Verslaving' },
        'criminogeen',
        /^Kies alleen leefgebieden uit de lijst\.$/,
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
        'an unknown domein',
        'criterium-4',
        { domeinen: 'zorg,onderwijs' },
        'domeinen',
        /^Kies alleen domeinen uit de lijst\.$/,
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
        'objectieve aanwijzingen longer than MAX_TEXT',
        'criterium-3',
        { objectieveAanwijzingen: motivation(MAX_TEXT + 1) },
        'objectieveAanwijzingen',
        new RegExp(`korter dan ${MAX_TEXT} tekens`),
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
      assert.equal(parseStep('criteria-1-2', values, today).ok, true);
      assert.equal(parseStep('criterium-4', values, today).ok, true);
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
      'criterium-4': { domeinen: 'onderwijs' },
    };

    formSteps.forEach((first, index) => {
      it(`reports ${first} when it is the first failing step`, () => {
        // Break this step and every later one; the earlier ones stay valid.
        const overrides = formSteps
          .slice(index)
          .reduce<Partial<FormValues>>((all, s) => ({ ...all, ...breakers[s] }), {});
        const result = parseIntake(validValues(overrides), today);
        assert.ok(!result.ok, 'expected the intake to fail');
        assert.equal(result.error.step, first);
        // Each breaker's key is also the field that carries the error.
        assert.deepEqual(Object.keys(result.error.errors), Object.keys(breakers[first]));
      });
    });

    it('reports the earlier step even when only a later and an earlier one fail', () => {
      const result = parseIntake(
        validValues({ ...breakers['criterium-4'], ...breakers['criteria-1-2'] }),
        today,
      );
      assert.ok(!result.ok);
      assert.equal(result.error.step, 'criteria-1-2');
    });

    it('fails on an empty form at the first step, naming every required field', () => {
      const result = parseIntake({}, today);
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
      assert.equal(formValuesSchema.safeParse({ leefgebieden: ['verslaving'] }).success, false);
    });
  });
});

describe('intake form: the relevance of the family situation (BGS art. 2.20, criterium 1)', () => {
  const step = {
    bijBetrokkene: 'true',
    motivering1: 'Betrokkene heeft schulden, een verslaving en geen vaste woonplek.',
    leefgebieden: 'verslaving',
    criminogeen: 'verslaving,justitie-politie',
    motivering2: 'Verslaving en eerdere politiecontacten versterken elkaar aantoonbaar.',
  };

  it('asks why the family matters for betrokkene when the family situation is ticked', () => {
    const result = parseStep(
      'criteria-1-2',
      { ...step, inGezinssituatie: 'true', gezinsRelevantie: 'kort' },
      '2026-11-23',
    );
    assert.equal(result.ok, false);
    assert.match(
      (!result.ok && result.error.gezinsRelevantie) || '',
      /relevant zijn voor betrokkene/,
    );
  });

  it('needs no relevance text when the family situation is not ticked', () => {
    assert.equal(
      parseStep('criteria-1-2', { ...step, inGezinssituatie: 'false' }, '2026-11-23').ok,
      true,
    );
  });
});
