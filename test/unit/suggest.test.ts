import { describe, expect, it } from 'vitest';
import { closestTimeZone } from '../../src/model/suggest.js';

describe('the time zone a person meant', () => {
  it.each([
    ['America/LosAngeles', 'America/Los_Angeles'],
    ['europe/london', 'Europe/London'],
    ['Berlin', 'Europe/Berlin'],
    ['new york', 'America/New_York'],
    ['tokyo', 'Asia/Tokyo'],
  ])('%s means %s', (typed, meant) => {
    expect(closestTimeZone(typed)).toBe(meant);
  });

  it('guesses nothing for a word that names no zone', () => {
    expect(closestTimeZone('Atlantis-under-the-sea')).toBeUndefined();
  });
});
