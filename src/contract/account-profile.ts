import { z } from 'zod';
import { isoDateTime } from './common.js';
import { notificationKind } from './notifications.js';

/** Empty means "clear it": a form sends every field, and an emptied one removes the value. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable();

const httpsUrlOn = (hosts: RegExp, example: string) =>
  z
    .string()
    .trim()
    .max(300)
    .refine((s) => s === '' || isProfileUrl(s, hosts), `must be a link like ${example}`)
    .transform((s) => (s === '' ? null : s))
    .nullable();

function isProfileUrl(s: string, hosts: RegExp): boolean {
  try {
    const url = new URL(s);
    return (url.protocol === 'https:' || url.protocol === 'http:') && hosts.test(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const phoneNumber = z
  .string()
  .trim()
  .max(30)
  .refine((s) => s === '' || (/^\+?[\d\s().-]+$/.test(s) && (s.match(/\d/g)?.length ?? 0) >= 6 && (s.match(/\d/g)?.length ?? 0) <= 15), {
    message: 'must be a phone number: digits, spaces and + ( ) - only, 6 to 15 digits',
  })
  .transform((s) => (s === '' ? null : s))
  .nullable();

export const profileBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  phone: phoneNumber.optional(),
  location: optionalText(100).optional(),
  linkedinUrl: httpsUrlOn(/^([a-z]{2,3}\.)?linkedin\.com$/i, 'https://www.linkedin.com/in/your-name').optional(),
  githubUrl: httpsUrlOn(/^(www\.)?github\.com$/i, 'https://github.com/your-name').optional(),
  websiteUrl: httpsUrlOn(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'https://example.com').optional(),
  bio: optionalText(1000).optional(),
});
export type ProfileBody = z.infer<typeof profileBody>;

export const themePreference = z.enum(['system', 'light', 'dark']);
export const languagePreference = z.enum(['en', 'fr', 'es', 'de']);
export const notificationChannels = z.object({ inApp: z.boolean(), email: z.boolean() });

export const preferences = z.object({
  theme: themePreference,
  language: languagePreference,
  /** Per kind of notification, which channels it may use. Kinds not listed use both. */
  notifications: z.partialRecord(notificationKind, notificationChannels),
});
export type Preferences = z.infer<typeof preferences>;

export const DEFAULT_PREFERENCES: Preferences = { theme: 'system', language: 'en', notifications: {} };

export const profile = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  githubUrl: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  bio: z.string().nullable(),
  /** Where to load the avatar from (changes with each upload), or null. */
  avatarUrl: z.string().nullable(),
  preferences,
  updatedAt: isoDateTime.nullable(),
});
export type Profile = z.infer<typeof profile>;

export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
export const AVATAR_SIZE = 256;
