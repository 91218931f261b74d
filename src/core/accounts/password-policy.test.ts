import { describe, expect, it } from 'vitest';
import { findPasswordWeakness } from './password-policy.js';

const common = new Set(['password', 'qwertyuiop', 'sunshine', 'password123']);
const isCommon = (s: string) => common.has(s);

describe('findPasswordWeakness', () => {
  it('accepts a long, uncommon password', () => {
    expect(findPasswordWeakness('correct horse battery', {}, isCommon)).toBeNull();
  });
  it('refuses short passwords', () => {
    expect(findPasswordWeakness('abc123xyz', {}, isCommon)).toMatch(/at least 10/);
  });
  it('refuses common passwords whatever their case', () => {
    expect(findPasswordWeakness('QwertyUiop', {}, isCommon)).toMatch(/common/);
  });
  it('refuses a common word dressed up with digits and symbols', () => {
    expect(findPasswordWeakness('sunshine2024!', {}, isCommon)).toMatch(/common password with digits/);
  });
  it('accepts a strong passphrase in other scripts that happens to end in a common Latin word', () => {
    const withTest = (s: string) => s === 'test' || isCommon(s);
    expect(findPasswordWeakness('пароль-🔑-密码-ñ-ü-test', {}, withTest)).toBeNull();
    expect(findPasswordWeakness('test-2024-!!', {}, withTest)).toMatch(/common password with digits/);
  });
  it('refuses a repeated character and the email or name', () => {
    expect(findPasswordWeakness('aaaaaaaaaaaa', {}, isCommon)).toMatch(/repeated/);
    expect(findPasswordWeakness('marie.curie-1867', { email: 'marie.curie@example.com' }, isCommon)).toMatch(/email/);
    expect(findPasswordWeakness('Ada Lovelace', { name: 'Ada Lovelace' }, isCommon)).toMatch(/name/);
  });
});
