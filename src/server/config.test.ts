import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseOidcSettings } from './config.js';

const google = {
  OIDC_GOOGLE_ISSUER: 'https://accounts.google.com',
  OIDC_GOOGLE_CLIENT_ID: 'google-client',
  OIDC_GOOGLE_CLIENT_SECRET: 'google-secret',
};

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    parseOidcSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the settings were accepted');
}

describe('single sign-on providers, one variable per setting', () => {
  it('reads OIDC_<PROVIDER>_* into a provider, with a name made from the variable unless OIDC_<PROVIDER>_NAME says', () => {
    expect(
      parseOidcSettings({
        ...google,
        OIDC_ACME_CORP_ISSUER: 'https://login.acme.example/realms/staff',
        OIDC_ACME_CORP_CLIENT_ID: 'panelist',
        OIDC_ACME_CORP_NAME: 'Acme staff login',
        OIDC_ACME_CORP_SCOPES: 'openid email',
      }),
    ).toEqual([
      {
        id: 'acme-corp',
        name: 'Acme staff login',
        issuer: 'https://login.acme.example/realms/staff',
        clientId: 'panelist',
        clientSecret: undefined,
        scopes: 'openid email',
      },
      {
        id: 'google',
        name: 'Google',
        issuer: 'https://accounts.google.com',
        clientId: 'google-client',
        clientSecret: 'google-secret',
        scopes: 'openid email profile',
      },
    ]);
  });

  it('sits beside OIDC_PROVIDERS; empty variables count as unset', () => {
    const json = JSON.stringify([
      { id: 'microsoft', name: 'Microsoft', issuer: 'https://login.microsoftonline.com/x/v2.0', clientId: 'm' },
    ]);
    const ids = parseOidcSettings({ ...google, OIDC_PROVIDERS: json, OIDC_OKTA_NAME: '' }).map((p) => p.id);
    expect(ids).toEqual(['microsoft', 'google']);
  });

  it('refuses incomplete or bad settings with a message naming the variable', () => {
    expect(refusal({ OIDC_GOOGLE_ISSUER: 'https://accounts.google.com' })).toContain(
      'OIDC_GOOGLE_CLIENT_ID: is required when OIDC_GOOGLE_ISSUER is set',
    );
    expect(refusal({ OIDC_GOOGLE_CLIENT_ID: 'x', OIDC_GOOGLE_CLIENT_SECRET: 'y' })).toContain('OIDC_GOOGLE_ISSUER: is required');
    expect(refusal({ ...google, OIDC_GOOGLE_ISSUER: 'accounts.google.com' })).toContain('OIDC_GOOGLE_ISSUER: must be an http(s) URL');
    expect(refusal({ ...google, OIDC_GOOGLE_ISSUER: 'ftp://accounts.google.com' })).toContain('OIDC_GOOGLE_ISSUER: must be an http(s) URL');
    expect(refusal({ ...google, OIDC_GOOGLE_CLIENTID: 'typo' })).toContain('OIDC_GOOGLE_CLIENTID: unknown setting');
    expect(refusal({ ...google, OIDC_GOOGLE_NAME: 'G'.repeat(61) })).toContain('OIDC_GOOGLE_NAME: must be at most 60 characters');
    const twice = JSON.stringify([{ id: 'google', name: 'Google', issuer: 'https://accounts.google.com', clientId: 'g' }]);
    expect(refusal({ ...google, OIDC_PROVIDERS: twice })).toContain('the provider "google" is also in OIDC_PROVIDERS');
  });

  describe('at start', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'panelist-config-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('the server configuration carries them, and a bad one stops the start', () => {
      expect(loadConfig({ DATA_DIR: dataDir, ...google }).oidcProviders.map((p) => p.id)).toEqual(['google']);
      expect(() => loadConfig({ DATA_DIR: dataDir, OIDC_GOOGLE_ISSUER: 'https://accounts.google.com' })).toThrow(
        /OIDC_GOOGLE_CLIENT_ID: is required/,
      );
    });
  });
});
