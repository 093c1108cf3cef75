import assert from 'node:assert/strict';
import { betrokkeneKeyer, bsnKeyer } from '../../src/app/casus/betrokkene-key';
import { normaliseBetrokkene } from '../../src/domain/casus/betrokkene-key';

describe('the betrokkene search key', () => {
  it('writes a name the same way however it was typed', () => {
    const same = ['José de Vries-Bakker', '  jose  DE vries bakker ', 'Jose de Vries—Bakker.'];
    for (const typed of same)
      assert.equal(normaliseBetrokkene(typed, '1988-04-12'), 'jose de vries bakker|1988-04-12');
    assert.notEqual(
      normaliseBetrokkene('Jose de Vries', '1988-04-12'),
      normaliseBetrokkene('Jose de Vries', '1988-04-13'),
    );
  });

  it('is a keyed hash: the same person gives the same key only under the same secret', () => {
    const a = betrokkeneKeyer(Buffer.alloc(32, 1));
    const b = betrokkeneKeyer(Buffer.alloc(32, 2));
    assert.equal(a('Jan Jansen', '1988-04-12'), a(' jan  jansen', '1988-04-12'));
    assert.notEqual(a('Jan Jansen', '1988-04-12'), b('Jan Jansen', '1988-04-12'));
    assert.notEqual(a('Jan Jansen', '1988-04-12'), a('Jan Janssen', '1988-04-12'));
    assert.doesNotMatch(a('Jan Jansen', '1988-04-12'), /jan|1988/i);
    assert.throws(() => betrokkeneKeyer(Buffer.alloc(16)), /at least 32 bytes/);
  });

  it('keys a BSN by its digits, under the same secret, never as a name key or the BSN itself', () => {
    const secret = Buffer.alloc(32, 1);
    const bsn = bsnKeyer(secret);
    assert.equal(bsn('111222333'), bsn(' 1112.22.333 '));
    assert.notEqual(bsn('111222333'), bsnKeyer(Buffer.alloc(32, 2))('111222333'));
    assert.notEqual(bsn('111222333'), betrokkeneKeyer(secret)('bsn', '111222333'));
    assert.doesNotMatch(bsn('111222333'), /111222333/);
  });
});
