import { hash, verify } from '@node-rs/argon2';
import { createRequire } from 'node:module';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import { findPasswordWeakness } from '../../core/accounts/password-policy.js';

// @node-rs/argon2 defaults are argon2id, m=19456 KiB, t=2, p=1: OWASP's recommended minimum.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the email is unknown so both paths cost the same. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash(`decoy-${Math.random()}`);
  return decoyHash;
}

let common: Set<string> | undefined;
function isCommonPassword(candidate: string): boolean {
  if (!common) {
    // The word lists load on the first password checked, not at start.
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
    common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  }
  return common.has(candidate);
}

export function passwordWeakness(password: string, context: { email?: string; name?: string }): string | null {
  return findPasswordWeakness(password, context, isCommonPassword);
}
