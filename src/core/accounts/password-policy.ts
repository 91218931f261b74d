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
  // "password2024!" style variations of a common word with digits and symbols around it.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 4 && core !== lower && isCommon(core)) return 'is a common password with digits or symbols added';
  return null;
}
