import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'Panelist';
/** One step either side, for a phone clock a little off and a code typed near the turn. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

function totpOf(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app scans from the QR code. */
export const otpauthUri = (secretBase32: string, email: string): string => totpOf(secretBase32, email).toString();

/** The code an authenticator shows at `at` (tests and the bench use it as a phone would). */
export const totpCodeAt = (secretBase32: string, at: Date): string => totpOf(secretBase32).generate({ timestamp: at.getTime() });

/**
 * The 30-second step the code belongs to, or null when it matches none in the window. The caller
 * refuses a step not after the last one accepted, so an overheard code cannot be replayed.
 */
export function totpStepOf(secretBase32: string, code: string, at: Date): number | null {
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: at.getTime(), window: WINDOW });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

function secretKeyOf(serverSecret: string): Buffer {
  return createHash('sha256').update(`two-factor-secret:${serverSecret}`).digest();
}

/** AES-256-GCM: a copied table row does not give away anyone's authenticator. */
export function sealSecret(serverSecret: string, secretBase32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKeyOf(serverSecret), iv);
  const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function openSecret(serverSecret: string, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', secretKeyOf(serverSecret), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten characters from 31 (about 50 bits), shown as xxxxx-xxxxx. */
export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');

export function recoveryCodeHash(serverSecret: string, code: string): string {
  return createHmac('sha256', serverSecret)
    .update(`recovery-code:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}
