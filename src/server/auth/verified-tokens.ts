/**
 * Access tokens whose signature this process has already checked, with the claims it read.
 * A browser or API client sends the same token with every request for its lifetime (15 minutes),
 * and jose checks an HS256 signature through WebCrypto: a key import and an asynchronous job per
 * call, about a tenth of the CPU of a read in `bench:http`'s profile. The key is the whole token,
 * signature included, so only a string that was verified before can be found; a found token is
 * still refused once its `exp` has passed. Revocation is not decided here: the family check after
 * it (credential cache, events) runs on every request as before.
 */
export interface VerifiedClaims {
  sub: string;
  fam: string;
  /** Expiry, seconds since the epoch (the JWT `exp`). */
  exp: number;
}

export interface VerifiedTokens {
  /** The claims of a token verified before that has not expired at `nowMs`, else undefined. */
  get(token: string, nowMs: number): VerifiedClaims | undefined;
  remember(token: string, claims: VerifiedClaims): void;
}

export function createVerifiedTokens(maxEntries = 20_000): VerifiedTokens {
  // Insertion order is age: when full, the oldest token goes first (it expires first, too).
  const entries = new Map<string, VerifiedClaims>();
  return {
    get(token, nowMs) {
      const claims = entries.get(token);
      if (!claims) return undefined;
      if (claims.exp * 1000 <= nowMs) {
        entries.delete(token);
        return undefined;
      }
      return claims;
    },
    remember(token, claims) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(token, claims);
    },
  };
}
