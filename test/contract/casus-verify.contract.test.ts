import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { actionData } from '../helpers/card-actions';
import { press } from '../helpers/decision-press';
import { submitCasus } from '../helpers/intake-flow';
import { wireInvitationSigning } from '../../bot/invitation-signing';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { casusWithApprovedInvitation, submissionFor } from '../helpers/signing-fixtures';

const run = promisify(execFile);

describe('npm run casus:verify (the operator script, against the bot’s store)', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let fatima: Conversation;
  let jeroen: Conversation;

  before(async () => {
    bot = await startBotHarness();
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    for (const who of [fatima, jeroen]) await who.say('help');
  });
  after(async () => {
    await bot?.stop();
  });

  async function verify(reference: string): Promise<{ code: number; stdout: string }> {
    const { endpoint, key, database } = bot.storeAccess();
    try {
      const { stdout } = await run(
        process.execPath,
        ['--require', 'tsx/cjs', 'scripts/verify-casus.ts', reference],
        {
          env: {
            ...process.env,
            COSMOS_ENDPOINT: endpoint,
            COSMOS_KEY: key,
            COSMOS_DATABASE: database,
          },
        },
      );
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      assert.equal(typeof failed.code, 'number', failed.stderr);
      return { code: failed.code, stdout: failed.stdout + failed.stderr };
    }
  }

  const read = async (id: string) => {
    const { resource } = await bot.store().casussen.item(id, id).read<Casus>();
    assert.ok(resource);
    return resource;
  };
  const write = (casus: Casus) => bot.store().casussen.items.upsert(casus);

  /** A casus submitted and accepted through the bot, its notifications delivered (they write too). */
  async function acceptedCasus(): Promise<{ number: string; id: string }> {
    const number = await submitCasus(fatima);
    const card = await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    const id = String(actionData(card, 'casus.decide').casusId);
    for (let i = 0; i < 50 && (await read(id)).outbox.some((entry) => !entry.sentAt); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return { number, id };
  }

  it('reports an intact chain by number and by id, and a line altered in the store with a non-zero exit', async () => {
    const { number, id } = await acceptedCasus();
    const byNumber = await verify(number);
    assert.equal(byNumber.code, 0, byNumber.stdout);
    assert.match(
      byNumber.stdout,
      new RegExp(`casus ${number} \\(${id}\\): keten intact, 3 regels\\n`),
    );
    assert.equal((await verify(id)).code, 0);

    const casus = await read(id);
    const motivation = `${casus.audit[2]!.motivation} (achteraf aangepast)`;
    casus.audit[2] = { ...casus.audit[2]!, motivation };
    await write(casus);
    const altered = await verify(number);
    assert.equal(altered.code, 1, altered.stdout);
    assert.match(altered.stdout, /keten gebroken bij regel 3: de inhoud klopt niet met de hash/);
  });

  it('notices a line removed, and the last line cut off', async () => {
    const { number, id } = await acceptedCasus();
    const casus = await read(id);
    await write({ ...casus, audit: [casus.audit[0]!, casus.audit[2]!] });
    const removed = await verify(number);
    assert.equal(removed.code, 1);
    assert.match(removed.stdout, /keten gebroken bij regel 2: sluit niet aan op de regel ervoor/);

    await write({ ...casus, audit: casus.audit.slice(0, 2) });
    const cut = await verify(number);
    assert.equal(cut.code, 1);
    assert.match(
      cut.stdout,
      /keten gebroken aan het eind \(na regel 2\): .*regels aan het eind verwijderd/,
    );
  });

  it('loads a casus from before the chain, which the next decision starts a chain on', async () => {
    const { number, id } = await acceptedCasus();
    const casus = await read(id);
    const legacy = {
      ...casus,
      audit: casus.audit.map(({ hash: _hash, prevHash: _prevHash, ...line }) => line),
      auditHead: undefined,
    };
    await write(legacy);
    const before = await verify(number);
    assert.equal(before.code, 2, before.stdout);
    assert.match(before.stdout, /geen keten: de 3 regels zijn van vóór de hash-keten/);

    await press(jeroen, await jeroen.say(`casus ${number}`), 'opschalen');
    const after = await read(id);
    assert.equal(after.state, 'opschaling_aangevraagd');
    const extended = await verify(number);
    assert.equal(extended.code, 0, extended.stdout);
    assert.match(
      extended.stdout,
      /keten intact, 4 regels; keten begint bij regel 4: de 3 regel\(s\) ervoor zijn van vóór de keten, alleen regel 3 is gedekt/,
    );
  });

  it('checks each signed declaration: its JWS with the app’s key, its hash on an audit line', async () => {
    const casussen = new CosmosCasusRepository(bot.store().casussen);
    // The bot's own keys (made at its start, in its store), as the signing page would use them.
    const signing = await wireInvitationSigning(
      {
        signingKeys: { linkTokenSecret: undefined, evidenceSigningKey: undefined },
        teamsSso: undefined,
      },
      { counters: bot.store().counters, casussen },
      { now: () => new Date(), newId: () => crypto.randomUUID() },
    );
    const { casus } = casusWithApprovedInvitation();
    const created = await casussen.create(casus);
    assert.ok(created.ok);
    const { token } = await signing.tokens.issue(
      'ondertekenen',
      { invitationId: casus.invitations[0]!.id, casusId: casus.id },
      3600,
      crypto.randomUUID(),
    );
    const view = await signing.service.view(token);
    assert.ok(view.ok);
    const signed = await signing.service.sign(submissionFor(view.value, token), {
      userAgent: 'test',
    });
    assert.ok(signed.ok, JSON.stringify(signed));

    const intact = await verify(casus.id);
    assert.equal(intact.code, 0, intact.stdout);
    assert.match(intact.stdout, /keten intact, 1 regels/);
    assert.match(
      intact.stdout,
      /verklaring [0-9a-f-]+ \(uitnodiging [0-9a-f-]+\): handtekening geldig, hash in auditregel 1/,
    );

    const stored = await read(casus.id);
    const record = { ...stored.declarations[0]!.record, typedName: 'Iemand Anders' };
    await write({ ...stored, declarations: [{ ...stored.declarations[0]!, record }] });
    const altered = await verify(casus.id);
    assert.equal(altered.code, 1, altered.stdout);
    assert.match(altered.stdout, /keten intact/, 'the chain alone does not see it');
    assert.match(altered.stdout, /niet wat de server ondertekende: gewijzigd/);
  });

  it('says so when there is no such casus', async () => {
    const missing = await verify('LK-XX-2026-9999');
    assert.equal(missing.code, 3);
    assert.match(missing.stdout, /casus LK-XX-2026-9999 niet gevonden/);
  });
});
