import { z } from 'zod';
import { emailCode } from './auth.js';
import { isoDateTime } from './common.js';

const password = z.string().min(1).max(256);

/** Where the caller stands with two-factor sign-in. */
export const twoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: isoDateTime.nullable(),
  recoveryCodesLeft: z.number().int(),
  /** An organization where the caller is a coach or an admin asks for it. */
  requiredByOrg: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;

export const twoFactorSetupBody = z.object({ password });
export type TwoFactorSetupBody = z.infer<typeof twoFactorSetupBody>;

/** The new secret, to scan as a QR code or type in; it works once a code from it is confirmed. */
export const twoFactorSetup = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** An SVG image of the otpauth URI. */
  qrSvg: z.string(),
});
export type TwoFactorSetup = z.infer<typeof twoFactorSetup>;

export const twoFactorEnableBody = z.object({ code: emailCode.describe('the 6 digits the authenticator app shows') });
export type TwoFactorEnableBody = z.infer<typeof twoFactorEnableBody>;

/** Shown once: only their hashes are kept. */
export const recoveryCodeList = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodeList = z.infer<typeof recoveryCodeList>;

export const twoFactorPasswordBody = z.object({ password });
export type TwoFactorPasswordBody = z.infer<typeof twoFactorPasswordBody>;

export const orgSecurityBody = z.object({ requireTwoFactor: z.boolean() });
export type OrgSecurityBody = z.infer<typeof orgSecurityBody>;
export const orgSecurity = orgSecurityBody;
export type OrgSecurity = OrgSecurityBody;
