import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPANY_CATALOG as catalog } from './company-catalog.js';
import { frameForCompany, matchCompany, parseCompanyCatalog, valueForQuestion } from './company-profiles.js';

describe('matchCompany', () => {
  it.each([
    ['Amazon', 'amazon'],
    ['AWS', 'amazon'],
    ['Amazon Web Services (Dublin)', 'amazon'],
    ['google', 'google'],
    ['Google DeepMind', 'google'],
    ['Meta Platforms', 'meta'],
    ['Facebook', 'meta'],
    ['LinkedIn', 'linkedin'],
    ['GitHub', 'microsoft'],
    ['McKinsey & Company', 'mckinsey'],
    ['JP Morgan', 'jpmorgan'],
    ['Goldman Sachs', 'goldman-sachs'],
    ['NHS Trust, Leeds', 'nhs'],
    ['Mayo Clinic', 'mayo-clinic'],
    ['PwC', 'pwc'],
  ])('"%s" → %s', (text, id) => {
    expect(matchCompany(catalog, text)?.id).toBe(id);
  });

  it('names nothing for an unknown employer, an empty text, or a word that only contains an alias', () => {
    expect(matchCompany(catalog, 'Acme Widgets Ltd')).toBeUndefined();
    expect(matchCompany(catalog, '')).toBeUndefined();
    expect(matchCompany(catalog, undefined)).toBeUndefined();
    expect(matchCompany(catalog, 'Metaverse Labs')).toBeUndefined();
    expect(matchCompany(catalog, 'Chasers Inc')).toBeUndefined();
  });
});

describe('the company catalog', () => {
  it('has at least 20 companies, each with a source, an interview style and at least three values', () => {
    expect(catalog.companies.length).toBeGreaterThanOrEqual(20);
    for (const c of catalog.companies) {
      expect(c.source.length, c.id).toBeGreaterThan(10);
      expect(c.interviewStyle.length, c.id).toBeGreaterThan(40);
      expect(c.values.length, c.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes every meaning so it reads after "asks its people to" (no second person)', () => {
    for (const c of catalog.companies)
      for (const v of c.values) {
        expect(v.meaning, `${c.id}: ${v.name}`).not.toMatch(/\b(you|your|yours|yourself)\b/i);
        expect(v.meaning[0], `${c.id}: ${v.name}`).toBe(v.meaning[0]!.toLowerCase());
      }
  });

  it('rejects an alias claimed by two companies', () => {
    const company = (id: string) => ({
      id,
      name: id,
      aliases: ['same name'],
      source: 'published values page',
      interviewStyle: 'Behavioural interviews about past work, asked in a structured way by the team.',
      values: [1, 2, 3].map((n) => ({ name: `Value ${n}`, meaning: 'do good work every day', topics: ['ownership'] })),
    });
    expect(() => parseCompanyCatalog({ companies: [company('one'), company('two')] })).toThrow(/alias "same name" belongs to both/);
  });
});

describe('framing a behavioural question', () => {
  const amazon = catalog.companies.find((c) => c.id === 'amazon')!;

  it('picks the value sharing the most topics and leaves the question itself intact', () => {
    const value = valueForQuestion(amazon, ['conflict-resolution', 'influence', 'collaboration']);
    expect(value?.name).toBe('Have Backbone; Disagree and Commit');
    const text = frameForCompany(amazon, value!, 'Tell me about a time you disagreed with a teammate.');
    expect(text).toMatch(/^Amazon asks its people to challenge decisions they disagree with/);
    expect(text).toContain('(“Have Backbone; Disagree and Commit”)');
    expect(text.endsWith('Tell me about a time you disagreed with a teammate.')).toBe(true);
  });

  it('frames nothing when no value speaks to the question', () => {
    expect(valueForQuestion(amazon, ['sql', 'indexing'])).toBeUndefined();
  });
});
