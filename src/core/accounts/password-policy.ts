import { PASSWORD_MIN_LENGTH } from '../../contract/auth.js';

/**
 * NIST 800-63B style: length over composition rules, and no password that attackers try first
 * (a known-common list, the user's own email or name, one repeated character).
 * Returns the reason a password is refused, or null when it is acceptable.
 */
export function findPasswordWeakness(
  password: string,
  context: { email?: string; name?: string },
  isCommon: (candidate: string) => boolean,
): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (isCommon(lower)) return 'is one of the most common passwords; choose something less guessable';
  if (/^(.)\1+$/u.test(password)) return 'must not be one character repeated';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'must not contain your email address';
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '') === name) return 'must not be your name';
  // "password2024!" style variations of a common word with digits and symbols around it. Only
  // digits, punctuation, symbols and spaces are peeled off: letters of any script stay, so a
  // passphrase such as "пароль-🔑-密码-ñ-ü-test" is not cut down to its last Latin word.
  const core = lower.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  if (core.length >= 4 && core !== lower && isCommon(core)) return 'is a common password with digits or symbols added';
  return null;
}
