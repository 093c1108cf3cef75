import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { configAs, userAadObjectId } from '../../scripts/playground-config';

describe('the Teams-like client as another user (PLAYGROUND_USER)', () => {
  const yml = readFileSync('playground/.m365agentsplayground.yml', 'utf8');

  it('finds a user by part of the name, any case, or by aadObjectId', () => {
    const lotte = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a07';
    assert.equal(userAadObjectId(yml, 'lotte'), lotte);
    assert.equal(userAadObjectId(yml, 'Lotte Mulder'), lotte);
    assert.equal(userAadObjectId(yml, lotte), lotte);
    assert.equal(userAadObjectId(yml, 'fatima'), '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01');
    assert.match(configAs(yml, lotte), /currentUser:\n {2}id: 29:lotte-mulder/);
  });

  it('names the users when the wanted one is not among them', () => {
    assert.throws(
      () => userAadObjectId(yml, 'Pieter'),
      /none of the client's users: .*Lotte Mulder/,
    );
  });
});
