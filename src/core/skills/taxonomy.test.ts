import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import { findSkill, normalizeSkillTerm, skillCategory, validateSkillTaxonomy } from './taxonomy.js';

const taxonomy = validateSkillTaxonomy(skillsFile);

describe('the skills taxonomy content', () => {
  it('has at least 320 skills across every category, with plenty of soft skills', () => {
    expect(taxonomy.skills.length).toBeGreaterThanOrEqual(320);
    const categories = new Set(taxonomy.skills.map((s) => s.category));
    expect([...skillCategory.options].filter((c) => !categories.has(c))).toEqual([]);
    expect(taxonomy.skills.filter((s) => s.category === 'soft-skill').length).toBeGreaterThanOrEqual(30);
  });

  it('gives every spelling to exactly one skill', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const s of taxonomy.skills) {
      for (const spelling of [s.id, s.name, ...s.aliases, ...s.ambiguousAliases]) {
        const term = normalizeSkillTerm(spelling);
        const owner = owners.get(term);
        if (owner && owner !== s.id) clashes.push(`${term}: ${owner} / ${s.id}`);
        owners.set(term, s.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    ['k8s', 'kubernetes'],
    ['postgres', 'postgresql'],
    ['js', 'javascript'],
    ['node', 'nodejs'],
    ['Node.js', 'nodejs'],
    ['react.js', 'react'],
    ['CI/CD', 'ci-cd'],
    ['gcp', 'gcp'],
    ['golang', 'go'],
    ['C++', 'cpp'],
    ['C#', 'csharp'],
    ['.NET', 'dotnet'],
    ['Stakeholder Management', 'stakeholder-management'],
    ['mentorship', 'mentoring'],
    ['data-structures', 'data-structures'],
    ['microservice', 'microservices'],
  ])('resolves %s to %s', (term, id) => {
    expect(findSkill(taxonomy, term)?.id).toBe(id);
  });

  it('only relates skills that exist', () => {
    for (const s of taxonomy.skills) for (const r of s.related) expect(taxonomy.byId.has(r), `${s.id} → ${r}`).toBe(true);
  });
});

describe('validateSkillTaxonomy', () => {
  const base = { id: 'go', name: 'Go', category: 'language', aliases: ['golang'], ambiguousAliases: ['Go'] };

  it('accepts a minimal file and fills defaults', () => {
    const t = validateSkillTaxonomy({ skills: [{ id: 'sql', name: 'SQL', category: 'language' }] });
    expect(t.byId.get('sql')).toMatchObject({ aliases: [], ambiguousAliases: [], related: [] });
  });

  it('rejects duplicate ids', () => {
    expect(() => validateSkillTaxonomy({ skills: [base, { ...base, name: 'Go again', aliases: [], ambiguousAliases: [] }] })).toThrow(
      /duplicate skill id go/,
    );
  });

  it('rejects an alias that two skills share, whatever its spelling', () => {
    const rust = { id: 'rust', name: 'Rust', category: 'language', aliases: ['GoLang'] };
    expect(() => validateSkillTaxonomy({ skills: [base, rust] })).toThrow(/"GoLang" of rust collides with go/);
  });

  it('rejects unknown related ids, bad ids and unknown categories', () => {
    expect(() => validateSkillTaxonomy({ skills: [{ ...base, related: ['nope'] }] })).toThrow(/related skill nope/);
    expect(() => validateSkillTaxonomy({ skills: [{ ...base, id: 'Go Lang' }] })).toThrow(/kebab-case/);
    expect(() => validateSkillTaxonomy({ skills: [{ ...base, category: 'magic' }] })).toThrow(/category/);
  });
});
