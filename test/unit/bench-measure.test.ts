import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { CasusPool } from '../../bench/harness/pool';
import { madeBy, cloneCasus } from '../../bench/harness/seed';
import { botSubjects } from '../../bench/subjects/bot-subjects';
import { callRu, estimateRu, QUERY_PAGE_RU } from '../../bench/measure/request-units';
import { storeCallKind, type StoreCall } from '../../bench/meter/store-call';
import { appendAuditLine, verifyAuditChain } from '../../src/domain/casus/audit-chain';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { sampleCasus } from '../helpers/samples';

const headers =
  (values: Record<string, string> = {}) =>
  (name: string) =>
    values[name];

const call = (kind: StoreCall['kind'], bytes: Partial<StoreCall> = {}): StoreCall => ({
  phase: 'turn',
  kind,
  container: 'casussen',
  status: 200,
  requestBytes: 0,
  responseBytes: 0,
  charge: undefined,
  ...bytes,
});

describe('bench: what a store request is, and what it would cost on a real account', () => {
  it('tells point reads, writes, queries, query plans and metadata apart as the SDK sends them', () => {
    const docs = '/dbs/casusbot/colls/casussen/docs';
    assert.deepEqual(storeCallKind('GET', `${docs}/abc`, headers()), {
      kind: 'read',
      container: 'casussen',
    });
    assert.equal(storeCallKind('PUT', `${docs}/abc`, headers()).kind, 'replace');
    assert.equal(storeCallKind('POST', docs, headers()).kind, 'create');
    assert.equal(
      storeCallKind('POST', docs, headers({ 'x-ms-documentdb-is-upsert': 'True' })).kind,
      'upsert',
    );
    assert.equal(
      storeCallKind('POST', docs, headers({ 'x-ms-documentdb-isquery': 'true' })).kind,
      'query',
    );
    assert.equal(
      storeCallKind('POST', docs, headers({ 'content-type': 'application/query+json' })).kind,
      'query',
    );
    assert.equal(
      storeCallKind(
        'POST',
        docs,
        headers({
          'content-type': 'application/query+json',
          'x-ms-cosmos-is-query-plan-request': 'True',
        }),
      ).kind,
      'query-plan',
    );
    assert.equal(storeCallKind('DELETE', `${docs}/abc`, headers()).kind, 'delete');
    assert.equal(
      storeCallKind('GET', '/dbs/casusbot/colls/casussen/pkranges', headers()).kind,
      'metadata',
    );
    assert.equal(storeCallKind('GET', '/dbs/casusbot', headers()).kind, 'metadata');
  });

  it("prices operations by Microsoft's published figures, linear between the sizes", () => {
    assert.equal(callRu(call('read', { responseBytes: 300 })), 1);
    assert.equal(callRu(call('read', { responseBytes: 8 * 1024 })), 1.33);
    assert.equal(callRu(call('replace', { requestBytes: 8 * 1024 })), 7.04);
    // 5 KB: a quarter of the way from 4 KB (6.67) to 8 KB (7.04).
    assert.ok(Math.abs(callRu(call('create', { requestBytes: 5 * 1024 })) - 6.7625) < 1e-9);
    assert.equal(callRu(call('query', { responseBytes: 100 })), QUERY_PAGE_RU + 1);
    assert.equal(callRu(call('query-plan', { responseBytes: 5000 })), 0);
    assert.equal(callRu(call('metadata')), 0);
  });

  it("does not take the embedded store's charge of 1 per request for a real one", () => {
    const placeholder = estimateRu([call('read', { charge: 1 }), call('replace', { charge: 1 })]);
    assert.equal(placeholder.reported, 2);
    assert.equal(placeholder.reportedIsPlaceholder, true);
    const real = estimateRu([call('read', { charge: 1 }), call('replace', { charge: 6.2 })]);
    assert.equal(real.reportedIsPlaceholder, false);
  });
});

describe('bench: copies of a casus the app made', () => {
  const template = (): Casus => {
    const casus = sampleCasus({ casusNumber: 'LK-ROT-2026-0001' });
    const line = (action: 'intake-gestart' | 'indienen', at: string) => ({
      at,
      actor: { ...casus.createdBy, role: 'wijkteammedewerker' },
      onBehalfOf: casus.createdBy.organisationName,
      action,
      from: action === 'indienen' ? ('concept' as const) : null,
      to: action === 'indienen' ? ('aangemeld' as const) : ('concept' as const),
      legalBasis: 'art. 2.20 BGS',
    });
    const first = appendAuditLine(casus, line('intake-gestart', '2026-03-01T10:00:00.000Z'));
    const second = appendAuditLine(
      { id: casus.id, audit: first.audit },
      line('indienen', '2026-03-01T11:00:00.000Z'),
    );
    return { ...casus, ...second, state: 'aangemeld' };
  };

  it("links the audit trail anew from the copy's own id, so the copy verifies", () => {
    const original = template();
    assert.equal(verifyAuditChain(original).kind, 'intact');
    const copy = cloneCasus(original, randomUUID(), 'LK-ROT-2026-3000');
    assert.equal(copy.casusNumber, 'LK-ROT-2026-3000');
    assert.equal(verifyAuditChain(copy).kind, 'intact');
    assert.notEqual(copy.auditHead, original.auditHead);
    // The original's trail under the copy's id would not verify: the chain starts at the id.
    assert.equal(verifyAuditChain({ ...original, id: copy.id }).kind, 'broken');
  });

  it("makes a casus another worker's: its creator and the lines the creator wrote", () => {
    const sem = { id: randomUUID(), name: 'Sem de Jong' };
    const theirs = cloneCasus(madeBy(template(), sem), randomUUID());
    assert.equal(theirs.createdBy.id, sem.id);
    assert.equal(theirs.createdBy.organisationId, template().createdBy.organisationId);
    assert.ok(
      theirs.audit.every((line) => line.actor.id === sem.id && line.actor.name === sem.name),
    );
    assert.equal(verifyAuditChain(theirs).kind, 'intact');
  });
});

describe('bench: a turn that did not do its work fails the run', () => {
  const card = (text: string) => ({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text }] });
  const casus = sampleCasus({ state: 'aangemeld', casusNumber: 'LK-ROT-2026-3001' });
  const decision = () => {
    const fixtures = {
      // Only handed out here: nothing is written back in this test.
      decisions: new CasusPool({} as Container, [casus]),
      drafts: undefined,
      viewable: [],
    };
    const subject = botSubjects({ serviceUrl: 'http://127.0.0.1:1/' }, fixtures)[0]!;
    assert.equal(subject.name, 'decision');
    const turn = subject.begin(1)(0);
    assert.ok(turn);
    assert.equal(subject.begin(1)(0), undefined, 'each casus is decided once per batch');
    return turn;
  };

  it('accepts the card of a decision taken on that casus', () => {
    decision().check(
      card('Casus LK-ROT-2026-3001\nBesluit vastgelegd: Geaccepteerd door de Lokale Kamer.'),
    );
  });

  it('refuses a card that shows the casus changed meanwhile, or another casus', () => {
    assert.throws(
      () => decision().check(card('Casus LK-ROT-2026-3001\nDe casus is intussen gewijzigd.')),
      /was not taken/,
    );
    assert.throws(
      () => decision().check(card('Casus LK-ROT-2026-9999\nBesluit vastgelegd: Geaccepteerd.')),
      /was not taken/,
    );
  });
});
