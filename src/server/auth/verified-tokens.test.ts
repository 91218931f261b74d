import { describe, expect, it } from 'vitest';
import { createVerifiedTokens } from './verified-tokens.js';

const claims = (exp: number) => ({ sub: 'user-1', fam: 'family-1', exp });

describe('verified access tokens', () => {
  it('finds a remembered token only until its expiry', () => {
    const tokens = createVerifiedTokens();
    tokens.remember('a.b.c', claims(1000));
    expect(tokens.get('a.b.c', 999_999)).toEqual(claims(1000));
    expect(tokens.get('a.b.c', 1_000_000)).toBeUndefined();
    // Once expired it is gone, even if the clock went back.
    expect(tokens.get('a.b.c', 0)).toBeUndefined();
  });

  it('finds nothing for a token never verified, however close to one that was', () => {
    const tokens = createVerifiedTokens();
    tokens.remember('header.payload.signature', claims(1000));
    expect(tokens.get('header.payload.signaturf', 0)).toBeUndefined();
    expect(tokens.get('header.payload.', 0)).toBeUndefined();
  });

  it('forgets the oldest token when full', () => {
    const tokens = createVerifiedTokens(2);
    tokens.remember('one', claims(1000));
    tokens.remember('two', claims(1000));
    tokens.remember('three', claims(1000));
    expect(tokens.get('one', 0)).toBeUndefined();
    expect(tokens.get('two', 0)).toBeDefined();
    expect(tokens.get('three', 0)).toBeDefined();
  });
});
