import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import { DEFAULT_ROLE_CATALOG as catalog } from './role-catalog.js';
import { matchRoleProfile, parseRoleCatalog, profileFit } from './role-profiles.js';

/** Role texts as candidates type them, with the profile a person would pick for each. */
const ROLE_TEXTS: readonly [string, string | undefined][] = [
  ['Sr. Backend Dev (Go)', 'backend'],
  ['Senior Back-End ENGINEER', 'backend'],
  ['Backend Engineer (AWS)', 'backend'],
  ['Java Developer', 'backend'],
  ['Python developer – Django', 'backend'],
  ['.NET Developer', 'backend'],
  ['Database Administrator (PostgreSQL)', 'backend'],
  ['Software Architect', 'backend'],
  ['Front-end developer', 'frontend'],
  ['React Developer', 'frontend'],
  ['UI Developer', 'frontend'],
  ['Full Stack Engineer', 'fullstack'],
  ['full-stack web developer', 'fullstack'],
  ['Web Developer', 'fullstack'],
  ['Software Engineer', 'software-engineer'],
  ['SWE II', 'software-engineer'],
  ['Engineer', 'software-engineer'],
  ['Programmer', 'software-engineer'],
  ['Senior iOS Engineer', 'mobile'],
  ['Android developer (Kotlin)', 'mobile'],
  ['Flutter Developer', 'mobile'],
  ['Data Scientist', 'data-science'],
  ['Lead Data Scientist, Ads', 'data-science'],
  ['Statistician', 'data-science'],
  ['Data Engineer', 'data-engineering'],
  ['Analytics Engineer', 'data-engineering'],
  ['ETL Developer', 'data-engineering'],
  ['Machine Learning Engineer', 'ml-engineering'],
  ['ML Engineer', 'ml-engineering'],
  ['MLOps engineer', 'ml-engineering'],
  ['AI Engineer (LLMs)', 'ml-engineering'],
  ['Site Reliability Engineer', 'sre-devops'],
  ['SRE', 'sre-devops'],
  ['DevOps Engineer', 'sre-devops'],
  ['Senior Platform Reliability Engineer, Payments Infrastructure', 'sre-devops'],
  ['Linux Systems Administrator', 'sre-devops'],
  ['Network Engineer', 'sre-devops'],
  ['Cloud Engineer', 'cloud'],
  ['AWS Solutions Architect', 'cloud'],
  ['QA Engineer', 'qa'],
  ['Software Engineer in Test', 'qa'],
  ['SDET', 'qa'],
  ['Manual tester', 'qa'],
  ['Security Engineer', 'security'],
  ['Penetration Tester', 'security'],
  ['SOC Analyst', 'security'],
  ['Cybersecurity specialist', 'security'],
  ['Embedded Software Engineer', 'embedded'],
  ['Firmware engineer', 'embedded'],
  ['Game Developer', 'game-dev'],
  ['Gameplay Programmer (Unreal)', 'game-dev'],
  ['Unity developer', 'game-dev'],
  ['Engineering Manager', 'engineering-manager'],
  ['Tech Lead', 'engineering-manager'],
  ['Team Lead', 'engineering-manager'],
  ['Director of Engineering', 'engineering-manager'],
  ['Product Manager', 'product-management'],
  ['Senior Product Owner', 'product-management'],
  ['UX Designer', 'ux-design'],
  ['UI/UX designer', 'ux-design'],
  ['Product Designer', 'ux-design'],
  ['User Researcher', 'ux-design'],
  ['Account Executive', 'sales'],
  ['SDR', 'sales'],
  ['Sales Engineer', 'sales'],
  ['Business Development Representative', 'sales'],
  ['Key Account Manager', 'sales'],
  ['Customer Support Specialist', 'customer-support'],
  ['Support lead', 'customer-support'],
  ['Customer Success Manager', 'customer-support'],
  ['Help-desk technician', 'customer-support'],
  ['Call centre agent', 'customer-support'],
  ['Marketing Manager', 'marketing'],
  ['Digital marketer', 'marketing'],
  ['SEO specialist', 'marketing'],
  ['Social Media Manager', 'marketing'],
  ['Accountant', 'finance'],
  ['Financial Analyst', 'finance'],
  ['FP&A Manager', 'finance'],
  ['Staff Auditor', 'finance'],
  ['Bookkeeper', 'finance'],
  ['Recruiter', 'hr'],
  ['Talent Acquisition Partner', 'hr'],
  ['HR Business Partner', 'hr'],
  ['Human Resources Generalist', 'hr'],
  ['High school maths teacher', 'teaching'],
  ['Teaching Assistant', 'teaching'],
  ['University lecturer', 'teaching'],
  ['Instructional Designer', 'teaching'],
  ['registered nurse', 'nursing'],
  ['RN - ICU', 'nursing'],
  ['School nurse', 'nursing'],
  ['Nurse Practitioner', 'nursing'],
  ['Project Manager', 'project-management'],
  ['Scrum Master', 'project-management'],
  ['Technical Program Manager', 'project-management'],
  ['Business Analyst', 'business-analyst'],
  ['Business Systems Analyst', 'business-analyst'],
  ['Operations Manager', 'operations'],
  ['Supply chain planner', 'operations'],
  ['Warehouse supervisor', 'operations'],
  ['Lawyer', 'legal'],
  ['Paralegal', 'legal'],
  ['General Counsel', 'legal'],
  ['Management Consultant', 'consulting'],
  ['Strategy consultant', 'consulting'],
  ['Copywriter', 'writing'],
  ['Technical Writer', 'writing'],
  ['Content Writer', 'writing'],
  ['Editor', 'writing'],
  ['Data Analyst', 'data-analyst'],
  ['BI Analyst (Power BI)', 'data-analyst'],
  ['Product Analyst', 'data-analyst'],
  ['Analyst', 'data-analyst'],
  // Nothing fits: the caller falls back to generic questions.
  ['Chef', undefined],
  ['Pilot', undefined],
  ['Civil Engineer', undefined],
  ['Mechanical engineer', undefined],
  ['Astronaut', undefined],
  ['   ', undefined],
  ['Manager', undefined],
];

describe('matchRoleProfile', () => {
  it.each(ROLE_TEXTS)('"%s" → %s', (text, expected) => {
    expect(matchRoleProfile(catalog, text)?.id).toBe(expected);
  });

  it('the catalog has at least 30 profiles, every one reached by its own tag', () => {
    expect(catalog.profiles.length).toBeGreaterThanOrEqual(30);
    for (const p of catalog.profiles) expect(matchRoleProfile(catalog, p.tag)?.id).toBe(p.id);
  });

  it('every profile names only skills of the taxonomy and includes only real profiles', () => {
    const skills = new Set(skillsFile.skills.map((s) => s.id));
    for (const p of catalog.profiles) {
      for (const s of p.skills) expect(skills.has(s), `${p.id}: ${s}`).toBe(true);
      for (const inc of p.includes) expect(catalog.byId.has(inc), `${p.id} includes ${inc}`).toBe(true);
    }
  });
});

describe('profileFit', () => {
  const backend = catalog.byId.get('backend');
  const nursing = catalog.byId.get('nursing');
  const q = (roles: string[], type: 'technical' | 'behavioral' = 'technical') => ({ roles, type });

  it('keeps a backend role away from frontend-only questions and takes its own and shared ones', () => {
    expect(profileFit(catalog, q(['frontend engineer']), backend)).toBeNull();
    expect(profileFit(catalog, q(['frontend engineer', 'backend engineer']), backend)).toBe(3);
    expect(profileFit(catalog, q(['software engineer']), backend)).toBe(2);
    expect(profileFit(catalog, q([], 'behavioral'), backend)).toBe(1);
  });

  it('keeps untagged technical questions for software roles, not for a nurse or an unknown role', () => {
    expect(profileFit(catalog, q([]), nursing)).toBeNull();
    expect(profileFit(catalog, q([]), undefined)).toBeNull();
    expect(profileFit(catalog, q([], 'behavioral'), undefined)).toBe(1);
    expect(profileFit(catalog, q(['registered nurse'], 'behavioral'), nursing)).toBe(3);
    expect(profileFit(catalog, q(['registered nurse'], 'behavioral'), backend)).toBeNull();
  });
});

describe('parseRoleCatalog', () => {
  const base = { id: 'x', name: 'Xyz', family: 'business', tag: 'xyz person', aliases: ['xyz'], skills: ['sql'], topics: ['sql'] };

  it('rejects an alias claimed by two profiles, an unknown include and a tag that maps elsewhere', () => {
    expect(() => parseRoleCatalog({ profiles: [base, { ...base, id: 'y', tag: 'xyz' }] })).toThrow(/alias "xyz" belongs to both/);
    expect(() => parseRoleCatalog({ profiles: [{ ...base, includes: ['nope'] }] })).toThrow(/unknown profile nope/);
    expect(() => parseRoleCatalog({ profiles: [{ ...base, tag: 'something else' }] })).toThrow(/maps to nothing/);
  });
});
