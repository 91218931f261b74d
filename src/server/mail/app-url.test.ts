import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { isOwnHost } from '../request-origin.js';
import { appUrl } from './app-url.js';

describe('appUrl', () => {
  it('uses PUBLIC_URL, keeping a path prefix and avoiding double slashes', () => {
    expect(appUrl({ publicUrl: 'https://panelist.example.com', port: 3000 }, '/interviews/1')).toBe(
      'https://panelist.example.com/interviews/1',
    );
    expect(appUrl({ publicUrl: 'https://example.com/panelist/', port: 3000 }, 'interviews/1')).toBe(
      'https://example.com/panelist/interviews/1',
    );
  });

  it('falls back to localhost and the port', () => {
    expect(appUrl({ publicUrl: undefined, port: 4321 }, '/invitations/abc')).toBe('http://localhost:4321/invitations/abc');
  });
});

describe('isOwnHost', () => {
  it('accepts this machine under its loopback, interface and own names', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', os.hostname()])
      expect(isOwnHost(host), host).toBe(true);
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (lan) expect(isOwnHost(lan.address)).toBe(true);
  });

  it('refuses other hosts and addresses', () => {
    for (const host of ['attacker.example.net', '8.8.8.8', `${os.hostname()}-evil.example`, 'localhost.evil.example'])
      expect(isOwnHost(host), host).toBe(false);
  });
});
