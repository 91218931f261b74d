import { describe, expect, it } from 'vitest';
import { createCredentialCache, forgetUserCredentialsHere } from './credential-cache.js';

const entry = (userId: string) => ({
  actor: { userId, platformRole: 'user' as const },
  sessionId: 's1',
  expiresAt: new Date('2030-01-01'),
  lastSeenAt: null,
});

describe('credential cache', () => {
  it('forgets an entry after its time to live', () => {
    let now = 0;
    const cache = createCredentialCache(5000, () => now);
    cache.set('s:a', entry('u1'));
    now = 4999;
    expect(cache.get('s:a')?.actor.userId).toBe('u1');
    now = 5001;
    expect(cache.get('s:a')).toBeUndefined();
    cache.close();
  });

  it('forgets every entry of a signed-out user in every cache of the process, and only theirs', () => {
    const a = createCredentialCache(5000);
    const b = createCredentialCache(5000);
    a.set('s:1', entry('u1'));
    a.set('f:fam:u1', entry('u1'));
    b.set('s:2', entry('u1'));
    a.set('s:3', entry('u2'));
    forgetUserCredentialsHere('u1');
    expect([a.get('s:1'), a.get('f:fam:u1'), b.get('s:2')]).toEqual([undefined, undefined, undefined]);
    expect(a.get('s:3')?.actor.userId).toBe('u2');
    a.close();
    b.close();
  });

  it('remembers nothing when its time to live is 0', () => {
    const cache = createCredentialCache(0);
    cache.set('s:a', entry('u1'));
    expect(cache.get('s:a')).toBeUndefined();
    cache.close();
  });
});
