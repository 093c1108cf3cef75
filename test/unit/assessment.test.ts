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
import type { Aanwijzing, DeelnemerRef } from '../../src/domain/intake/intake.schema';

const allDomains: Domain[] = ['justitieel', 'bestuurlijk', 'zorg', 'sociaal'];
const motivation = 'Dit is een motivering van ruim voldoende lengte voor de toets.';
const explanation = (n: number) => 'x'.repeat(n);
const criminogeen = (...items: Leefgebied[]) =>
  items.map((leefgebied) => ({ leefgebied, status: 'criminogeen' as const }));
const probleem = (...items: Leefgebied[]) =>
  items.map((leefgebied) => ({ leefgebied, status: 'probleem' as const }));
const aanwijzing: Aanwijzing = {
  soort: 'politiemelding',
  datum: '2026-01-10',
  bron: 'Politie eenheid Rotterdam',
  omschrijving: 'Drie meldingen van bedreiging van buren.',
};
/** A partner in each of these domains (the second of a domain gets its own id). */
const partners = (...domains: Domain[]): DeelnemerRef[] =>
  domains.map((domain, i) => ({ organisationId: `org-${i}-${domain}`, name: `Org ${i}`, domain }));

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
    leefgebieden: criminogeen('verslaving', 'justitie-politie'),
    motivering: motivation,
  },
  criterium3: {
    gevolgen: ['criminaliteit'],
    tijden: ['leidt'],
    aanwijzingen: [],
    motivering: motivation,
  },
  criterium4: {
    deelnemers: partners('justitieel', 'zorg'),
    overigePartijen: undefined,
    motivering: motivation,
  },
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
      ['no leefgebieden at all', { leefgebieden: [] }, false],
      ['one criminogeen leefgebied', { leefgebieden: criminogeen('verslaving') }, false],
      [
        'two criminogene leefgebieden',
        { leefgebieden: criminogeen('verslaving', 'huisvesting') },
        true,
      ],
      [
        'many leefgebieden, none criminogeen',
        { leefgebieden: probleem('verslaving', 'huisvesting', 'veiligheid') },
        false,
      ],
      [
        'many leefgebieden, only one criminogeen',
        {
          leefgebieden: [...probleem('verslaving', 'huisvesting'), ...criminogeen('veiligheid')],
        },
        false,
      ],
      [
        'two criminogene leefgebieden among problems',
        {
          leefgebieden: [...probleem('huisvesting'), ...criminogeen('verslaving', 'veiligheid')],
        },
        true,
      ],
    ],
    criterium3: [
      ['no gevolgen', { gevolgen: [], tijden: ['leidt', 'heeft-geleid'] }, false],
      ['no tijden', { gevolgen: ['criminaliteit'], tijden: [] }, false],
      [
        'only "zou leiden" without objectieve aanwijzingen',
        { gevolgen: ['criminaliteit'], tijden: ['zou-leiden'], aanwijzingen: [] },
        false,
      ],
      [
        'only "zou leiden", with one objective indication',
        {
          gevolgen: ['onveilige-situatie-gebied'],
          tijden: ['zou-leiden'],
          aanwijzingen: [aanwijzing],
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
        { gevolgen: [], tijden: ['zou-leiden'], aanwijzingen: [aanwijzing, aanwijzing] },
        false,
      ],
    ],
    criterium4: [
      ['no partner', { deelnemers: [] }, false],
      ['one partner', { deelnemers: partners('zorg') }, false],
      ['two partners of the same domain', { deelnemers: partners('zorg', 'zorg') }, false],
      [
        'one partner, and parties that are no vaste deelnemer',
        { deelnemers: partners('zorg'), overigePartijen: 'Woonstichting Maasstad en de school' },
        false,
      ],
      ['partners of two domains', { deelnemers: partners('justitieel', 'sociaal') }, true],
      [
        'two distinct domains, one repeated',
        { deelnemers: partners('zorg', 'bestuurlijk', 'zorg') },
        true,
      ],
      ['all four domains', { deelnemers: partners(...allDomains) }, true],
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
      withPatch('criterium2', { leefgebieden: criminogeen('verslaving') }),
      2,
    );
    assert.match(result.explanation, /verslaving/i);
  });

  it('names the single domain when criterium 4 fails on it', () => {
    const result = criterionOf(
      withPatch('criterium4', { deelnemers: partners('zorg', 'zorg') }),
      4,
    );
    assert.match(result.explanation, /alleen het domein zorg/);
  });

  it('lists every failing criterion, in order', () => {
    const intake: Intake = {
      ...base,
      criterium1: { ...base.criterium1, bijBetrokkene: false, inGezinssituatie: false },
      criterium3: { ...base.criterium3, gevolgen: [] },
      criterium4: { ...base.criterium4, deelnemers: partners('zorg') },
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
        leefgebieden: fc.uniqueArray(
          fc.record({
            leefgebied: fc.constantFrom(...leefgebieden.schema.options),
            status: fc.constantFrom('probleem' as const, 'criminogeen' as const),
          }),
          { selector: (item) => item.leefgebied, maxLength: 10 },
        ),
        motivering: motivationText,
      }),
      criterium3: fc.record({
        gevolgen: many(gevolgen.schema.options),
        tijden: many(tijden.schema.options),
        aanwijzingen: fc.array(fc.constant(aanwijzing), { maxLength: 2 }),
        motivering: motivationText,
      }),
      criterium4: fc.record({
        deelnemers: many(allDomains).map((domains) => partners(...domains)),
        overigePartijen: explanationText,
        motivering: motivationText,
      }),
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
      2: ({ criterium2: c }) =>
        c.leefgebieden.filter((l) => l.status === 'criminogeen').length >= 2,
      3: ({ criterium3: c }) =>
        c.gevolgen.length >= 1 &&
        c.tijden.length >= 1 &&
        (c.tijden.some((t) => t !== 'zou-leiden') || c.aanwijzingen.length >= 1),
      4: ({ criterium4: c }) => new Set(c.deelnemers.map((d) => d.domain)).size >= 2,
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

    it('(c) answering a leefgebied "criminogeen" never breaks criterium 2', () => {
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
                  leefgebieden: [
                    ...intake.criterium2.leefgebieden.filter((l) => l.leefgebied !== extra),
                    ...criminogeen(extra),
                  ],
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

    it('(c) adding a partner never breaks criterium 4', () => {
      fc.assert(
        fc.property(arbitraryIntake, fc.constantFrom(...domainSchema.options), (intake, extra) => {
          const before = criterionOf(intake, 4).met;
          const after = criterionOf(
            {
              ...intake,
              criterium4: {
                ...intake.criterium4,
                deelnemers: [
                  ...intake.criterium4.deelnemers,
                  { organisationId: 'org-extra', name: 'Extra', domain: extra },
                ],
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
