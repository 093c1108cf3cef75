import assert from 'node:assert/strict';
import {
  appendAuditLine,
  verifyAuditChain,
  type UnchainedAuditEntry,
} from '../../src/domain/casus/audit-chain';
import { casusSchema, type AuditEntry, type Casus } from '../../src/domain/casus/casus.schema';
import { sampleCasus } from '../helpers/samples';

const actor = {
  id: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04',
  name: 'Jeroen de Vries',
  organisationId: 'gemeente-rotterdam',
  organisationName: 'Gemeente Rotterdam',
  role: 'procesregisseur',
};

const line = (
  from: AuditEntry['from'],
  to: AuditEntry['to'],
  action: AuditEntry['action'],
  extra: Partial<UnchainedAuditEntry> = {},
): UnchainedAuditEntry => ({
  at: '2026-11-21T10:30:00.000Z',
  actor,
  onBehalfOf: 'de overheidsdeelnemers (art. 2.27 WGS)',
  action,
  from,
  to,
  legalBasis: 'art. 2.20 BGS',
  ...extra,
});

const lines: UnchainedAuditEntry[] = [
  line(null, 'concept', 'intake-gestart', { activityId: 'a-1' }),
  line('concept', 'aangemeld', 'indienen', { motivation: undefined }),
  line('aangemeld', 'in_behandeling_lokaal', 'accepteren', {
    motivation: 'Voldoet aan alle criteria.',
    actor: { ...actor, kamerId: 'lk-rotterdam' },
  }),
  line('in_behandeling_lokaal', 'afgesloten', 'afsluiten', {
    motivation: 'Plan van aanpak uitgevoerd.',
    closeReason: 'plan-uitgevoerd',
  }),
];

/** A casus whose audit trail was built line by line through the chain. */
function chained(base: Casus = sampleCasus(), add = lines): Casus {
  const casus = add.reduce<Casus>(
    (casus, next) => ({ ...casus, ...appendAuditLine(casus, next) }),
    base,
  );
  // As stored: no shared objects between lines (structuredClone would keep them shared).
  return casusSchema.parse(JSON.parse(JSON.stringify(casus)));
}

/** Every path to a leaf (and to every object) of a value, for altering each in turn. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .flatMap(([key, member]) => paths(member, [...prefix, key]));
}

function altered(value: unknown): unknown {
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  if (value === null) return 'concept';
  return !value;
}

function setPath(target: Record<string, unknown>, path: string[], change: (v: unknown) => unknown) {
  const parent = path.slice(0, -1).reduce((o, key) => o[key] as Record<string, unknown>, target);
  const last = path.at(-1)!;
  parent[last] = change(parent[last]);
}

describe('the audit hash chain', () => {
  it('links every line to the one before it (the first to the casus id) and records the head', () => {
    const casus = chained();
    assert.deepEqual(verifyAuditChain(casus), { kind: 'intact', lines: 4, chainStartsAt: 0 });
    assert.equal(casus.auditHead, casus.audit.at(-1)?.hash);
    for (let i = 1; i < casus.audit.length; i++) {
      assert.equal(casus.audit[i]?.prevHash, casus.audit[i - 1]?.hash);
    }
  });

  it('still verifies after a round trip through JSON and the schema (fields in another order)', () => {
    const casus = chained();
    const reordered = JSON.parse(
      JSON.stringify(casus, (_key, value: unknown) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as unknown;
    assert.equal(verifyAuditChain(casusSchema.parse(reordered)).kind, 'intact');
  });

  it('detects a change to any field of any line, and a field removed or added', () => {
    const casus = chained();
    let checked = 0;
    casus.audit.forEach((entry, index) => {
      for (const path of paths(entry)) {
        const copy = structuredClone(casus);
        setPath(copy.audit[index] as unknown as Record<string, unknown>, path, altered);
        assert.deepEqual(
          { ...verifyAuditChain(copy), lines: 0, chainStartsAt: 0 },
          { kind: 'broken', lines: 0, chainStartsAt: 0, line: index, reason: 'altered' },
          `line ${index}, ${path.join('.')}`,
        );
        checked++;
      }
      const removed = structuredClone(casus);
      delete (removed.audit[index] as Partial<AuditEntry>).legalBasis;
      assert.equal(verifyAuditChain(removed).kind, 'broken');
      const added = structuredClone(casus);
      added.audit[index] = { ...added.audit[index]!, motivation: 'Later toegevoegd.' };
      assert.equal(verifyAuditChain(added).kind, 'broken');
    });
    assert.ok(checked > 40, `${checked} fields altered`);
  });

  it('detects a removed line, at the line that no longer follows', () => {
    const casus = chained();
    for (let i = 0; i < casus.audit.length - 1; i++) {
      const copy = { ...casus, audit: casus.audit.filter((_, index) => index !== i) };
      const result = verifyAuditChain(copy);
      assert.equal(result.kind, 'broken');
      assert.equal(result.kind === 'broken' && result.reason, 'removed-or-reordered', `line ${i}`);
      assert.equal(result.kind === 'broken' && result.line, i);
    }
  });

  it('detects two lines swapped', () => {
    const casus = chained();
    for (let i = 0; i < casus.audit.length - 1; i++) {
      const audit = [...casus.audit];
      [audit[i], audit[i + 1]] = [audit[i + 1]!, audit[i]!];
      const result = verifyAuditChain({ ...casus, audit });
      assert.equal(result.kind === 'broken' && result.reason, 'removed-or-reordered', `swap ${i}`);
      assert.equal(result.kind === 'broken' && result.line, i);
    }
  });

  it('detects lines cut off the end through the recorded head, and a head removed', () => {
    const casus = chained();
    for (let keep = 0; keep < casus.audit.length; keep++) {
      const result = verifyAuditChain({ ...casus, audit: casus.audit.slice(0, keep) });
      assert.equal(result.kind === 'broken' && result.reason, 'tail-removed', `keep ${keep}`);
    }
    const headless = { ...casus, auditHead: undefined };
    const result = verifyAuditChain(headless);
    assert.equal(result.kind === 'broken' && result.reason, 'head-missing');
    assert.equal(result.kind === 'broken' && result.line, 4);
  });

  it('detects a line whose hashes were stripped, also the first one', () => {
    const casus = chained();
    const strip = (index: number) => {
      const copy = structuredClone(casus);
      delete copy.audit[index]!.hash;
      delete copy.audit[index]!.prevHash;
      return verifyAuditChain(copy);
    };
    const middle = strip(2);
    assert.equal(middle.kind === 'broken' && middle.reason, 'missing-hash');
    assert.equal(middle.kind === 'broken' && middle.line, 2);
    // The first line looks like one from before the chain, but the next one was linked to it.
    const first = strip(0);
    assert.equal(first.kind === 'broken' && first.reason, 'removed-or-reordered');
    assert.equal(first.kind === 'broken' && first.line, 1);
    const all = structuredClone(casus);
    for (const entry of all.audit) {
      delete entry.hash;
      delete entry.prevHash;
    }
    // Every hash gone but the head: not mistaken for a casus from before the chain.
    const stripped = verifyAuditChain(all);
    assert.equal(stripped.kind === 'broken' && stripped.reason, 'missing-hash');
  });

  it('does not verify a trail copied into another casus', () => {
    const casus = chained();
    const result = verifyAuditChain({ ...casus, id: sampleCasus().id });
    assert.equal(result.kind === 'broken' && result.reason, 'removed-or-reordered');
    assert.equal(result.kind === 'broken' && result.line, 0);
  });

  it('loads a casus from before the chain, and starts the chain at its next line', () => {
    const legacy = casusSchema.parse(
      JSON.parse(JSON.stringify(sampleCasus({ audit: lines.slice(0, 2) }))),
    );
    assert.deepEqual(verifyAuditChain(legacy), { kind: 'no-chain', lines: 2 });
    const extended = chained(legacy, lines.slice(2));
    assert.deepEqual(verifyAuditChain(extended), { kind: 'intact', lines: 4, chainStartsAt: 2 });
    // The line just before the chain is covered by its successor's link.
    const copy = structuredClone(extended);
    copy.audit[1]!.motivation = 'Achteraf gewijzigd.';
    const result = verifyAuditChain(copy);
    assert.equal(result.kind === 'broken' && result.reason, 'removed-or-reordered');
    assert.equal(result.kind === 'broken' && result.line, 2);
  });
});
