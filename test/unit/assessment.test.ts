import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  assessIntake,
  type CriterionNumber,
  type CriterionResult,
} from '../../src/domain/intake/assessment';
import {
  intakeSchema,
  MIN_EXPLANATION,
  MIN_MOTIVATION,
  type Intake,
  type IntakeInput,
} from '../../src/domain/intake/intake.schema';
import {
  aanmeldroutes,
  gevolgen,
  leefgebieden,
  tijden,
  urgenties,
  type Leefgebied,
} from '../../src/domain/intake/vocabulary';
import { domainSchema, type Domain } from '../../src/domain/registry/registry.schema';

const allDomains: Domain[] = ['justitieel', 'bestuurlijk', 'zorg', 'sociaal'];
const motivation = 'Dit is een motivering van ruim voldoende lengte voor de toets.';
const explanation = (n: number) => 'x'.repeat(n);

/** An intake that meets all four criteria; table cases change one section. */
const base: Intake = {
  betrokkene: {
    naam: 'Jan de Vries',
    geboortedatum: '1990-05-17',
    gemeente: 'Rotterdam',
    bsn: undefined,
  },
  aanmelding: { aanmeldroute: 'veilig-thuis', kamerId: 'rotterdam-zuid', urgentie: 'normaal' },
  criterium1: {
    bijBetrokkene: true,
    inGezinssituatie: false,
    gezinsRelevantie: undefined,
    motivering: motivation,
  },
  criterium2: {
    leefgebieden: ['verslaving', 'justitie-politie'],
    criminogeen: ['verslaving', 'justitie-politie'],
    motivering: motivation,
  },
  criterium3: {
    gevolgen: ['criminaliteit'],
    tijden: ['leidt'],
    objectieveAanwijzingen: undefined,
    motivering: motivation,
  },
  criterium4: { domeinen: ['justitieel', 'zorg'], motivering: motivation },
  doorbraak: { nodig: false, toelichting: undefined },
};

type Section = 'criterium1' | 'criterium2' | 'criterium3' | 'criterium4';
const sectionOf = (n: CriterionNumber): Section => `criterium${n}`;

function withPatch<S extends Section>(section: S, patch: Partial<Intake[S]>): Intake {
  return { ...base, [section]: { ...base[section], ...patch } };
}

function criterionOf(intake: Intake, n: CriterionNumber): CriterionResult {
  const result = assessIntake(intake).criteria[n - 1];
  assert.ok(result, `no result for criterion ${n}`);
  assert.equal(result.criterion, n);
  return result;
}

/** Cites "art. 2.20 BGS, criterium N" for its own N only, and says something in Dutch. */
function assertExplains(result: CriterionResult, n: CriterionNumber) {
  const text = result.explanation;
  assert.ok(text.includes(`art. 2.20 BGS, criterium ${n}`), `no citation of ${n}: ${text}`);
  const cited = [...text.matchAll(/criterium (\d)/g)].map((m) => m[1]);
  assert.deepEqual(cited, [String(n)], `cites another criterion: ${text}`);
  const prose = text.replace(`art. 2.20 BGS, criterium ${n}`, '').trim();
  assert.ok(prose.length >= 20, `explanation has no substance: ${text}`);
  assert.match(prose, /\b(de|het|een|er|is|zijn|geen|niet|op|van|tussen|dit)\b/i, text);
  assert.doesNotMatch(text, /undefined|null|NaN|\[object|\$\{/, text);
  assert.ok(result.title.trim().length > 0, 'empty title');
}

describe('assessment (BGS art. 2.20)', () => {
  it('the base intake meets all four criteria', () => {
    const assessment = assessIntake(base);
    assert.equal(assessment.verdict, 'voldoet');
    assert.deepEqual(assessment.failing, []);
    assert.deepEqual(
      assessment.criteria.map((c) => c.criterion),
      [1, 2, 3, 4],
    );
  });

  const cases: {
    [S in Section]: [name: string, patch: Partial<Intake[S]>, met: boolean][];
  } = {
    criterium1: [
      ['neither box ticked', { bijBetrokkene: false, inGezinssituatie: false }, false],
      [
        'neither box ticked, even with a relevance text',
        {
          bijBetrokkene: false,
          inGezinssituatie: false,
          gezinsRelevantie: explanation(MIN_EXPLANATION),
        },
        false,
      ],
      [
        'only gezinssituatie, no relevance',
        { bijBetrokkene: false, inGezinssituatie: true },
        false,
      ],
      [
        `only gezinssituatie, relevance of ${MIN_EXPLANATION - 1} characters`,
        {
          bijBetrokkene: false,
          inGezinssituatie: true,
          gezinsRelevantie: explanation(MIN_EXPLANATION - 1),
        },
        false,
      ],
      [
        'only gezinssituatie, relevance that is short once trimmed',
        {
          bijBetrokkene: false,
          inGezinssituatie: true,
          gezinsRelevantie: `   ${explanation(MIN_EXPLANATION - 1)}   `,
        },
        false,
      ],
      [
        `only gezinssituatie, relevance of exactly ${MIN_EXPLANATION} characters`,
        {
          bijBetrokkene: false,
          inGezinssituatie: true,
          gezinsRelevantie: explanation(MIN_EXPLANATION),
        },
        true,
      ],
      [
        'only gezinssituatie, a real relevance text',
        {
          bijBetrokkene: false,
          inGezinssituatie: true,
          gezinsRelevantie: 'Zijn broer dealt vanuit de woning waar betrokkene woont.',
        },
        true,
      ],
      ['only betrokkene', { bijBetrokkene: true, inGezinssituatie: false }, true],
      [
        // The problems at betrokkene suffice on their own (art. 2.20: "bij betrokkene, of ...").
        'both, without relevance: the family does not count, betrokkene does',
        { bijBetrokkene: true, inGezinssituatie: true, gezinsRelevantie: undefined },
        true,
      ],
      [
        'both, with relevance',
        {
          bijBetrokkene: true,
          inGezinssituatie: true,
          gezinsRelevantie: explanation(MIN_EXPLANATION),
        },
        true,
      ],
    ],
    criterium2: [
      ['no leefgebieden at all', { leefgebieden: [], criminogeen: [] }, false],
      [
        'one criminogeen leefgebied',
        { leefgebieden: ['verslaving'], criminogeen: ['verslaving'] },
        false,
      ],
      [
        'two criminogene leefgebieden',
        { leefgebieden: ['verslaving', 'huisvesting'], criminogeen: ['verslaving', 'huisvesting'] },
        true,
      ],
      [
        'many leefgebieden, none criminogeen',
        { leefgebieden: ['verslaving', 'huisvesting', 'veiligheid'], criminogeen: [] },
        false,
      ],
      [
        'many leefgebieden, only one criminogeen',
        { leefgebieden: ['verslaving', 'huisvesting', 'veiligheid'], criminogeen: ['veiligheid'] },
        false,
      ],
      [
        'the same criminogeen leefgebied twice',
        { leefgebieden: ['verslaving'], criminogeen: ['verslaving', 'verslaving'] },
        false,
      ],
      [
        'two distinct criminogene leefgebieden, one repeated',
        {
          leefgebieden: ['verslaving', 'veiligheid'],
          criminogeen: ['verslaving', 'veiligheid', 'verslaving'],
        },
        true,
      ],
    ],
    criterium3: [
      ['no gevolgen', { gevolgen: [], tijden: ['leidt', 'heeft-geleid'] }, false],
      ['no tijden', { gevolgen: ['criminaliteit'], tijden: [] }, false],
      [
        'only "zou leiden" without objectieve aanwijzingen',
        { gevolgen: ['criminaliteit'], tijden: ['zou-leiden'], objectieveAanwijzingen: undefined },
        false,
      ],
      [
        `only "zou leiden", aanwijzingen of ${MIN_EXPLANATION - 1} characters`,
        {
          gevolgen: ['criminaliteit'],
          tijden: ['zou-leiden'],
          objectieveAanwijzingen: explanation(MIN_EXPLANATION - 1),
        },
        false,
      ],
      [
        'only "zou leiden", aanwijzingen that are short once trimmed',
        {
          gevolgen: ['criminaliteit'],
          tijden: ['zou-leiden'],
          objectieveAanwijzingen: `     ${explanation(MIN_EXPLANATION - 1)}     `,
        },
        false,
      ],
      [
        `only "zou leiden", aanwijzingen of exactly ${MIN_EXPLANATION} characters`,
        {
          gevolgen: ['onveilige-situatie-gebied'],
          tijden: ['zou-leiden'],
          objectieveAanwijzingen: explanation(MIN_EXPLANATION),
        },
        true,
      ],
      ['"leidt"', { gevolgen: ['ernstige-overlast'], tijden: ['leidt'] }, true],
      [
        '"heeft geleid"',
        { gevolgen: ['onveilige-situatie-personen'], tijden: ['heeft-geleid'] },
        true,
      ],
      [
        '"zou leiden" together with "heeft geleid", no aanwijzingen',
        { gevolgen: ['criminaliteit'], tijden: ['zou-leiden', 'heeft-geleid'] },
        true,
      ],
      [
        'aanwijzingen but no gevolg',
        {
          gevolgen: [],
          tijden: ['zou-leiden'],
          objectieveAanwijzingen: explanation(MIN_EXPLANATION * 2),
        },
        false,
      ],
    ],
    criterium4: [
      ['no domain', { domeinen: [] }, false],
      ['one domain', { domeinen: ['zorg'] }, false],
      ['the same domain twice', { domeinen: ['zorg', 'zorg'] }, false],
      ['two domains', { domeinen: ['justitieel', 'sociaal'] }, true],
      ['two distinct domains, one repeated', { domeinen: ['zorg', 'bestuurlijk', 'zorg'] }, true],
      ['all four domains', { domeinen: allDomains }, true],
    ],
  };

  for (const n of [1, 2, 3, 4] as const) {
    const section = sectionOf(n);
    describe(`criterium ${n}`, () => {
      for (const [name, patch, met] of cases[section]) {
        it(`${met ? 'met' : 'not met'}: ${name}`, () => {
          const intake = withPatch(section, patch);
          const result = criterionOf(intake, n);
          assert.equal(result.met, met);
          assertExplains(result, n);
          const assessment = assessIntake(intake);
          assert.equal(assessment.verdict, met ? 'voldoet' : 'voldoet-niet');
          assert.deepEqual(assessment.failing, met ? [] : [n]);
        });
      }
    });
  }

  it('names the single criminogeen leefgebied when criterium 2 fails on it', () => {
    const result = criterionOf(
      withPatch('criterium2', { leefgebieden: ['verslaving'], criminogeen: ['verslaving'] }),
      2,
    );
    assert.match(result.explanation, /verslaving/i);
  });

  it('names the single domain when criterium 4 fails on it', () => {
    const result = criterionOf(withPatch('criterium4', { domeinen: ['zorg', 'zorg'] }), 4);
    assert.match(result.explanation, /alleen zorg/);
  });

  it('lists every failing criterion, in order', () => {
    const intake: Intake = {
      ...base,
      criterium1: { ...base.criterium1, bijBetrokkene: false, inGezinssituatie: false },
      criterium3: { ...base.criterium3, gevolgen: [] },
      criterium4: { ...base.criterium4, domeinen: ['zorg'] },
    };
    const assessment = assessIntake(intake);
    assert.equal(assessment.verdict, 'voldoet-niet');
    assert.deepEqual(assessment.failing, [1, 3, 4]);
    assert.deepEqual(
      assessment.criteria.map((c) => c.met),
      [false, true, false, false],
    );
  });

  describe('properties over arbitrary valid intakes', () => {
    // Texts around the MIN_EXPLANATION boundary, with spaces inside and around them.
    const explanationText = fc.option(
      fc.string({ unit: fc.constantFrom('a', 'ë', ' ', 'z'), maxLength: MIN_EXPLANATION * 2 }),
      { nil: undefined },
    );
    const motivationText = fc.string({
      unit: fc.constantFrom('m', 'o', 't', 'i', 'v', 'é'),
      minLength: MIN_MOTIVATION,
      maxLength: MIN_MOTIVATION + 40,
    });
    const many = <T>(values: readonly T[]) =>
      fc.array(fc.constantFrom(...values), { maxLength: values.length + 2 });

    const intakeInput: fc.Arbitrary<IntakeInput> = fc.record({
      betrokkene: fc.record({
        naam: fc.constantFrom('Jan de Vries', 'Fatima El Amrani'),
        geboortedatum: fc.constantFrom('1990-05-17', '2008-01-31'),
        gemeente: fc.constant('Rotterdam'),
        bsn: fc.constantFrom(undefined, '', '111222333'),
      }),
      aanmelding: fc.record({
        aanmeldroute: fc.constantFrom(...aanmeldroutes.schema.options),
        kamerId: fc.constant('rotterdam-zuid'),
        urgentie: fc.constantFrom(...urgenties.schema.options),
      }),
      criterium1: fc.record({
        bijBetrokkene: fc.boolean(),
        inGezinssituatie: fc.boolean(),
        gezinsRelevantie: explanationText,
        motivering: motivationText,
      }),
      criterium2: fc.record({
        leefgebieden: many(leefgebieden.schema.options),
        criminogeen: many(leefgebieden.schema.options),
        motivering: motivationText,
      }),
      criterium3: fc.record({
        gevolgen: many(gevolgen.schema.options),
        tijden: many(tijden.schema.options),
        objectieveAanwijzingen: explanationText,
        motivering: motivationText,
      }),
      criterium4: fc.record({ domeinen: many(allDomains), motivering: motivationText }),
      doorbraak: fc.record({ nodig: fc.boolean(), toelichting: explanationText }),
    });
    /** Through the real schema, so every generated value is an intake the app could hold. */
    const arbitraryIntake: fc.Arbitrary<Intake> = intakeInput
      .filter((input) => intakeSchema.safeParse(input).success)
      .map((input) => intakeSchema.parse(input));

    const trimmedLength = (text: string | undefined) => (text ?? '').trim().length;
    /** The rule of BGS art. 2.20, written independently of the implementation. */
    const expectedMet: Record<CriterionNumber, (intake: Intake) => boolean> = {
      1: ({ criterium1: c }) =>
        c.bijBetrokkene ||
        (c.inGezinssituatie && trimmedLength(c.gezinsRelevantie) >= MIN_EXPLANATION),
      2: ({ criterium2: c }) => new Set(c.criminogeen).size >= 2,
      3: ({ criterium3: c }) =>
        c.gevolgen.length >= 1 &&
        c.tijden.length >= 1 &&
        (c.tijden.some((t) => t !== 'zou-leiden') ||
          trimmedLength(c.objectieveAanwijzingen) >= MIN_EXPLANATION),
      4: ({ criterium4: c }) => new Set(c.domeinen).size >= 2,
    };
    const numbers = [1, 2, 3, 4] as const;

    it('the arbitrary covers both outcomes of every criterion and of the verdict', () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(arbitraryIntake, (intake) => {
          const assessment = assessIntake(intake);
          seen.add(assessment.verdict);
          for (const c of assessment.criteria) seen.add(`${c.criterion}:${c.met}`);
        }),
        { numRuns: 2000, seed: 20250301 },
      );
      for (const n of numbers) {
        assert.ok(seen.has(`${n}:true`), `criterion ${n} never met`);
        assert.ok(seen.has(`${n}:false`), `criterion ${n} never failed`);
      }
      assert.ok(seen.has('voldoet') && seen.has('voldoet-niet'), [...seen].join(', '));
    });

    it('(a) voldoet exactly when all four are met; failing lists the unmet ones in order', () => {
      fc.assert(
        fc.property(arbitraryIntake, (intake) => {
          const assessment = assessIntake(intake);
          assert.deepEqual(
            assessment.criteria.map((c) => c.criterion),
            [1, 2, 3, 4],
          );
          const unmet = numbers.filter((n) => !expectedMet[n](intake));
          assert.deepEqual(assessment.failing, unmet);
          assert.equal(assessment.verdict, unmet.length === 0 ? 'voldoet' : 'voldoet-niet');
          assert.equal(
            assessment.verdict === 'voldoet',
            assessment.criteria.every((c) => c.met),
          );
        }),
        { numRuns: 1000 },
      );
    });

    it('(b) each criterion is met exactly when the legal rule says so, and explains itself', () => {
      fc.assert(
        fc.property(arbitraryIntake, (intake) => {
          for (const n of numbers) {
            const result = criterionOf(intake, n);
            assert.equal(result.met, expectedMet[n](intake), `criterion ${n}`);
            assertExplains(result, n);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('(c) adding a criminogene leefgebied never breaks criterium 2', () => {
      fc.assert(
        fc.property(
          arbitraryIntake,
          fc.constantFrom(...leefgebieden.schema.options),
          (intake, extra: Leefgebied) => {
            const before = criterionOf(intake, 2).met;
            const after = criterionOf(
              {
                ...intake,
                criterium2: {
                  ...intake.criterium2,
                  leefgebieden: [...intake.criterium2.leefgebieden, extra],
                  criminogeen: [...intake.criterium2.criminogeen, extra],
                },
              },
              2,
            ).met;
            assert.ok(!before || after);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('(c) adding a domain never breaks criterium 4', () => {
      fc.assert(
        fc.property(arbitraryIntake, fc.constantFrom(...domainSchema.options), (intake, extra) => {
          const before = criterionOf(intake, 4).met;
          const after = criterionOf(
            {
              ...intake,
              criterium4: {
                ...intake.criterium4,
                domeinen: [...intake.criterium4.domeinen, extra],
              },
            },
            4,
          ).met;
          assert.ok(!before || after);
        }),
        { numRuns: 1000 },
      );
    });

    it('(c) adding "leidt" never breaks criterium 3, and meets it once there is a gevolg', () => {
      fc.assert(
        fc.property(arbitraryIntake, (intake) => {
          const before = criterionOf(intake, 3).met;
          const after = criterionOf(
            {
              ...intake,
              criterium3: { ...intake.criterium3, tijden: [...intake.criterium3.tijden, 'leidt'] },
            },
            3,
          ).met;
          assert.ok(!before || after);
          if (intake.criterium3.gevolgen.length > 0) assert.equal(after, true);
        }),
        { numRuns: 1000 },
      );
    });

    it('a criterion depends only on its own section', () => {
      fc.assert(
        fc.property(arbitraryIntake, arbitraryIntake, (a, b) => {
          for (const n of numbers) {
            const section = sectionOf(n);
            const mixed: Intake = { ...b, [section]: a[section] };
            assert.equal(criterionOf(mixed, n).met, criterionOf(a, n).met, `criterion ${n}`);
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});
