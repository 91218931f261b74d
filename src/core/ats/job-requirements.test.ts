import { describe, expect, it } from 'vitest';
import { degreeLevelOf, extractDegreeRequirement, extractRequiredYears } from './job-requirements.js';

describe('extractRequiredYears', () => {
  it.each([
    ['We need 5+ years of experience building backend services.', 5],
    ['At least three years of professional experience with Python. Ideally 8 years in fintech.', 3],
    ['2-4 years experience with React.', 2],
    ['Minimum 3 years of hands-on experience; 5+ years of software development.', 5],
    ['Acme has been around for 20 years and we are growing.', null],
    ['A team of 30 engineers; a 2-year contract.', null],
    ['Experience with Kubernetes is a plus.', null],
  ])('%s → %s', (text, years) => {
    expect(extractRequiredYears(text)).toBe(years);
  });
});

describe('extractDegreeRequirement', () => {
  it('reads the lowest degree named as the bar, and notes equivalent experience', () => {
    expect(extractDegreeRequirement('BS/MS in Computer Science or equivalent experience.')).toEqual({
      level: 2,
      preferred: false,
      equivalentExperience: true,
    });
  });
  it('keeps a wished-for degree apart from a required one', () => {
    expect(extractDegreeRequirement("Bachelor's degree in CS required. A Master's is a plus.")).toEqual({
      level: 2,
      preferred: false,
      equivalentExperience: false,
    });
    expect(extractDegreeRequirement('PhD preferred.')).toEqual({ level: 4, preferred: true, equivalentExperience: false });
  });
  it('reads "a degree in …" as a bachelor’s and ignores look-alikes', () => {
    expect(extractDegreeRequirement('Degree in Computer Science or a related field.')?.level).toBe(2);
    expect(extractDegreeRequirement('You know your way around MS Office and BA tools.')).toBeNull();
    expect(extractDegreeRequirement('No formal requirements.')).toBeNull();
  });
});

describe('degreeLevelOf', () => {
  it.each([
    ['BSc Computer Science', '', 2],
    ['B.Tech', '', 2],
    ['M.S. in Statistics', '', 3],
    ['MBA', '', 3],
    ['Ph.D.', '', 4],
    ['High School Diploma', 'Lincoln High School', 0],
    ['Computer Science', 'University of Leeds', 2],
  ] as const)('%s (%s) → %i', (degree, institution, level) => {
    expect(degreeLevelOf(degree, institution)).toBe(level);
  });
});
