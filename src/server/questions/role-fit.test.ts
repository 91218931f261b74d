import { beforeAll, describe, expect, it } from 'vitest';
import type { InterviewType, Level } from '../../contract/interviews.js';
import type { BankQuestion } from '../../core/questions/bank.js';
import { DEFAULT_ROLE_CATALOG as catalog } from '../../core/questions/role-catalog.js';
import { matchRoleProfile, profileFit, questionProfiles } from '../../core/questions/role-profiles.js';
import { selectQuestions } from '../../core/questions/select-questions.js';
import { loadQuestionBank } from './question-bank.js';

/**
 * The role profiles against the real bank: what a candidate typing a role is actually asked.
 * Role texts are written as people type them; the expected profile is the one a person would pick.
 */
const ROLES: readonly [string, string | undefined][] = [
  ['Backend Engineer', 'backend'],
  ['Sr. Backend Dev (Go)', 'backend'],
  ['Frontend Developer', 'frontend'],
  ['Full Stack Engineer', 'fullstack'],
  ['Software Engineer', 'software-engineer'],
  ['iOS Developer', 'mobile'],
  ['Data Scientist', 'data-science'],
  ['Data Engineer', 'data-engineering'],
  ['ML Engineer', 'ml-engineering'],
  ['DevOps Engineer', 'sre-devops'],
  ['Cloud Architect', 'cloud'],
  ['QA Automation Engineer', 'qa'],
  ['Application Security Engineer', 'security'],
  ['Firmware Engineer', 'embedded'],
  ['Game Developer', 'game-dev'],
  ['Engineering Manager', 'engineering-manager'],
  ['Product Manager', 'product-management'],
  ['Product Designer', 'ux-design'],
  ['Account Executive', 'sales'],
  ['Customer Service Representative', 'customer-support'],
  ['Growth Marketing Manager', 'marketing'],
  ['Staff Accountant', 'finance'],
  ['Technical Recruiter', 'hr'],
  ['Primary school teacher', 'teaching'],
  ['Registered Nurse', 'nursing'],
  ['IT Project Manager', 'project-management'],
  ['Business Analyst', 'business-analyst'],
  ['Logistics coordinator', 'operations'],
  ['Corporate lawyer', 'legal'],
  ['Associate Consultant', 'consulting'],
  ['Content Writer', 'writing'],
  ['Data Analyst', 'data-analyst'],
  ['Florist', undefined],
  ['Airline pilot', undefined],
];
const TYPES: readonly InterviewType[] = ['technical', 'system_design', 'behavioral', 'communication', 'mixed'];
const LEVELS: readonly Level[] = ['junior', 'mid', 'senior'];

let bank: BankQuestion[];
beforeAll(async () => {
  bank = await loadQuestionBank();
});

function pick(role: string, type: InterviewType, level: Level, seed: string): BankQuestion[] {
  return selectQuestions(bank, { type, level, role, count: 10, seed, roleCatalog: catalog });
}

describe('questions that fit the role', () => {
  it('every profile has at least 15 questions tagged for it', () => {
    const counts = new Map<string, number>();
    for (const q of bank) if (q.roles.length > 0) for (const id of questionProfiles(catalog, q)) counts.set(id, (counts.get(id) ?? 0) + 1);
    const short = catalog.profiles.filter((p) => (counts.get(p.id) ?? 0) < 15).map((p) => `${p.id}: ${counts.get(p.id) ?? 0}`);
    expect(short).toEqual([]);
  });

  it('every role tag in the bank belongs to a profile', () => {
    const unknown = [...new Set(bank.flatMap((q) => q.roles))].filter((tag) => !matchRoleProfile(catalog, tag));
    expect(unknown).toEqual([]);
  });

  it.each(ROLES)('"%s" maps to %s and is never asked a question tagged only for other roles', (role, expected) => {
    const profile = matchRoleProfile(catalog, role);
    expect(profile?.id).toBe(expected);
    for (const type of TYPES) {
      for (const level of LEVELS) {
        for (const seed of ['a', 'b', 'c']) {
          const picked = pick(role, type, level, seed);
          expect(picked.length, `${role} ${type} ${level}`).toBeGreaterThan(0);
          const misfits = picked.filter((q) => profileFit(catalog, q, profile) === null).map((q) => q.id);
          expect(misfits, `${role} ${type} ${level} ${seed}`).toEqual([]);
        }
      }
    }
  });

  it('a backend engineer never meets React, CSS or accessibility questions', () => {
    const asked = new Set(
      TYPES.flatMap((type) => LEVELS.flatMap((level) => ['x', 'y', 'z'].flatMap((seed) => pick('Backend Engineer', type, level, seed)))),
    );
    const frontendOnly = [...asked].filter((q) => {
      const tagged = questionProfiles(catalog, q);
      return tagged.length > 0 && tagged.every((id) => id === 'frontend' || id === 'mobile');
    });
    expect(frontendOnly.map((q) => q.id)).toEqual([]);
    expect([...asked].some((q) => q.topics.includes('react') || q.topics.includes('css'))).toBe(false);
  });

  it('a role nothing matches gets behavioural and communication questions in a technical interview, not random technical ones', () => {
    for (const level of LEVELS) {
      const picked = pick('Florist', 'technical', level, 'fallback');
      expect(picked).toHaveLength(10);
      expect(picked.every((q) => q.type === 'behavioral' || q.type === 'communication')).toBe(true);
      expect(picked.every((q) => q.roles.length === 0)).toBe(true);
    }
  });
  it('a mixed interview for a nurse asks nursing questions and no software ones', () => {
    const picked = pick('Registered Nurse', 'mixed', 'mid', 'ward');
    expect(picked.some((q) => questionProfiles(catalog, q).includes('nursing'))).toBe(true);
    expect(picked.some((q) => q.type === 'system_design')).toBe(false);
    expect(picked.filter((q) => q.type === 'technical').every((q) => questionProfiles(catalog, q).includes('nursing'))).toBe(true);
  });

  it('role-specific questions come first when they are at the level asked', () => {
    const picked = pick('Account Executive', 'behavioral', 'mid', 'sales');
    const own = picked.filter((q) => questionProfiles(catalog, q).includes('sales'));
    expect(own.length).toBeGreaterThan(0);
    // Own-role questions outrank generic ones of the same level distance.
    const firstGeneric = picked.findIndex((q) => q.roles.length === 0 && q.levels.includes('mid'));
    const lastOwn = picked.findLastIndex((q) => questionProfiles(catalog, q).includes('sales') && q.levels.includes('mid'));
    if (firstGeneric >= 0 && lastOwn >= 0) expect(lastOwn).toBeLessThan(firstGeneric);
  });
});
