import { describe, expect, it } from 'vitest';
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
