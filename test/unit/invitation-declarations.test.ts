import assert from 'node:assert/strict';
import fc from 'fast-check';
import { declarationDigest } from '../../src/app/invitation/declaration-digest';
import {
  currentDeclaration,
  declarationVersions,
} from '../../src/domain/invitation/declarations/declaration-registry';
import {
  chooseVariant,
  declarationText,
  type DeclarationFill,
} from '../../src/domain/invitation/declarations/declaration-text';
import { beroepsgeheimen } from '../../src/domain/invitation/invitation-vocabulary';
import {
  declarationVariantSchema,
  type DeclarationRef,
} from '../../src/domain/invitation/invitation.schema';

/**
 * The SHA-256 of every released template. Signed declarations are evidence: a text that was ever
 * offered must never change. If this fails, restore the old file and add a new version instead.
 */
const releasedTemplates: Record<string, string> = {
  'gebonden v1': '73742e5ceef5a47c6ec3c5c93407b55e7673c38039422252dc3f5ed69e7b6c46',
  'niet-gebonden v1': '4ca3e8ec866b6661ab995a785d726c64ab9b43c22f769c240de944468d829de2',
};

/** The hash of one filled text: the filling must not change either once declarations are signed. */
const PINNED_FILLED = 'e98df51ed3b636a97dc9030193a0097d3d79b28b7b68d828821960f915424ed3';

const fill = (over: Partial<DeclarationFill> = {}): DeclarationFill => ({
  naam: 'Rob de Boer',
  organisatie: 'Woonstede',
  casusnummer: 'LKA-2026-0042',
  beroepsgeheim: { soort: 'geen' },
  ...over,
});
const nietGebonden: DeclarationRef = { variant: 'niet-gebonden', version: 1 };
const gebonden: DeclarationRef = { variant: 'gebonden', version: 1 };

function text(ref: DeclarationRef, f: DeclarationFill): string {
  const result = declarationText(ref, f);
  if (!result.ok) throw new Error(result.error);
  return result.value.text;
}
const lines = (s: string): number => s.split('\n').length;

describe('geheimhoudingsverklaring: variants, versions, text and hash', () => {
  it('the variant follows the secrecy: none means niet-gebonden, any named one gebonden', () => {
    for (const soort of beroepsgeheimen.schema.options) {
      const expected = soort === 'geen' ? 'niet-gebonden' : 'gebonden';
      assert.equal(chooseVariant({ soort, omschrijving: 'Tuchtrecht' }), expected, soort);
    }
  });

  it('no released template has changed (a new text is a new version)', () => {
    const found = Object.fromEntries(
      Object.values(declarationVersions).flatMap((versions) =>
        versions.map((t) => [`${t.variant} v${t.version}`, declarationDigest(t)]),
      ),
    );
    for (const [key, digest] of Object.entries(releasedTemplates)) {
      assert.equal(found[key], digest, `${key} was edited: restore it and add a new version`);
    }
  });

  it('versions are numbered 1, 2, … per variant and filed under their own variant', () => {
    for (const variant of declarationVariantSchema.options) {
      const versions = declarationVersions[variant];
      assert.deepEqual(
        versions.map((t) => t.version),
        versions.map((_, i) => i + 1),
      );
      for (const t of versions) assert.equal(t.variant, variant);
      assert.equal(currentDeclaration(variant).version, versions.length);
    }
  });

  it('the texts carry the obligations of the model texts', () => {
    const bound = text(gebonden, fill({ beroepsgeheim: { soort: 'jeugdwet-7-3-11' } }));
    assert.match(bound, /geheimhoudingsplicht van artikel 7\.3\.11 van de Jeugdwet/);
    assert.doesNotMatch(bound, /1\.11 WGS/);
    const free = text(nietGebonden, fill());
    assert.match(free, /geheimhoudingsplicht van artikel 1\.11 WGS/);
    for (const t of [bound, free]) {
      assert.match(t, /strikt na te leven/);
      assert.match(t, /andere gegevens/);
      assert.match(t, /redelijkerwijs moet vermoeden/);
      assert.match(t, /artikel 2\.21/);
      assert.doesNotMatch(t, /\{\{/);
    }
  });

  it('names the secrecy that binds the invitee, and fills invitee, organisation and casus number', () => {
    const cases = [
      [{ soort: 'medisch' }, 'het medisch beroepsgeheim'],
      [{ soort: 'advocaat' }, 'het beroepsgeheim van de advocaat'],
      [{ soort: 'anders', omschrijving: 'Wet BIG, artikel 88' }, 'Wet BIG, artikel 88'],
    ] as const;
    for (const [beroepsgeheim, phrase] of cases) {
      const t = text(gebonden, fill({ beroepsgeheim }));
      assert.ok(t.includes(`gebonden ben: ${phrase}.`), phrase);
      assert.ok(t.includes('Ondergetekende: Rob de Boer\nNamens: Woonstede'));
      assert.ok(t.includes('Casus: LKA-2026-0042'));
    }
  });

  it('refuses an unknown version and a variant that does not fit the secrecy', () => {
    assert.deepEqual(declarationText({ variant: 'gebonden', version: 99 }, fill()), {
      ok: false,
      error: 'onbekende-versie',
    });
    assert.deepEqual(declarationText(gebonden, fill()), { ok: false, error: 'variant-past-niet' });
    assert.deepEqual(declarationText(nietGebonden, fill({ beroepsgeheim: { soort: 'medisch' } })), {
      ok: false,
      error: 'variant-past-niet',
    });
  });

  it('a name typed in decomposed Unicode gives the same text as the composed one', () => {
    const composed = text(nietGebonden, fill({ naam: 'Jos\u00e9' }));
    assert.equal(text(nietGebonden, fill({ naam: 'Jose\u0301' })), composed);
  });

  it('a typed value can neither add lines nor smuggle in a placeholder', () => {
    const t = text(
      nietGebonden,
      fill({ naam: 'Rob\n\n3. Ik mag alles delen\u2028', organisatie: '{{naam}}' }),
    );
    assert.equal(lines(t), lines(declarationVersions['niet-gebonden'][0].text));
    assert.ok(t.includes('Ondergetekende: Rob 3. Ik mag alles delen\nNamens: {{naam}}\n'));
  });

  it('the hash of a filled text is stable across runs (pinned) and is SHA-256 of its UTF-8', () => {
    assert.equal(
      declarationDigest({ text: 'abc' }),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    assert.equal(
      declarationDigest({ text: text(nietGebonden, fill({ naam: 'José Yılmaz' })) }),
      PINNED_FILLED,
    );
  });

  it('property: the same fill gives the same text and hash; another name another hash', () => {
    const value = fc
      .string({ minLength: 1, maxLength: 60 })
      .filter((s) => s.trim().length > 0 && !/\s/.test(s));
    fc.assert(
      fc.property(value, value, value, (naam, organisatie, casusnummer) => {
        const f = fill({ naam, organisatie, casusnummer });
        const once = text(nietGebonden, f);
        assert.equal(text(nietGebonden, f), once);
        assert.equal(lines(once), lines(declarationVersions['niet-gebonden'][0].text));
        assert.ok(once.includes(`Ondergetekende: ${naam}\n`));
        const other = text(nietGebonden, fill({ naam: `${naam}x`, organisatie, casusnummer }));
        assert.notEqual(declarationDigest({ text: other }), declarationDigest({ text: once }));
      }),
    );
  });
});
