import assert from 'node:assert/strict';
import { namedParties } from '../../src/domain/invitation/named-parties';

describe('parties named in the intake, offered on the proposal form', () => {
  it('takes the name and leaves the note in parentheses', () => {
    assert.deepEqual(
      namedParties('Woonstichting Maasstad (huurachterstand, dreigende ontruiming)'),
      ['Woonstichting Maasstad'],
    );
  });

  it('splits a list on commas, semicolons and lines, once each', () => {
    assert.deepEqual(
      namedParties('Woonstede, basisschool De Regenboog;\nJeugdhulp Rijnmond (mentor)\nWoonstede'),
      ['Woonstede', 'basisschool De Regenboog', 'Jeugdhulp Rijnmond'],
    );
  });

  it('offers nothing for an empty answer, and no scraps or overlong text', () => {
    assert.deepEqual(namedParties(undefined), []);
    assert.deepEqual(namedParties(' , ;'), []);
    assert.deepEqual(namedParties(`x, ${'a'.repeat(121)}`), []);
  });

  it('offers at most ten', () => {
    const many = Array.from({ length: 15 }, (_, i) => `Partij ${i + 1}`).join(', ');
    assert.equal(namedParties(many).length, 10);
  });
});
