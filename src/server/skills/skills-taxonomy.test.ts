import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../core/questions/bank.js';
import { TAILORED_TEMPLATE_SKILLS } from '../../core/questions/tailored-templates.js';
import { findSkill, type SkillTaxonomy } from '../../core/skills/taxonomy.js';
import { loadQuestionBank } from '../questions/question-bank.js';
import { loadSkillsTaxonomy } from './skills-taxonomy.js';

describe('loadSkillsTaxonomy', () => {
  let taxonomy: SkillTaxonomy;
  let bank: BankQuestion[];
  beforeAll(async () => {
    [taxonomy, bank] = await Promise.all([loadSkillsTaxonomy(), loadQuestionBank()]);
  });

  it('loads at least 300 validated skills from content/skills', () => {
    expect(taxonomy.skills.length).toBeGreaterThanOrEqual(300);
    expect(taxonomy.byId.get('kubernetes')?.aliases).toContain('k8s');
  });

  it('knows the skills that tailored question templates target', () => {
    expect(TAILORED_TEMPLATE_SKILLS.filter((id) => !taxonomy.byId.has(id))).toEqual([]);
  });

  it('resolves nearly every topic of the non-aptitude bank questions, so bank picks carry target skills', () => {
    const topics = [...new Set(bank.filter((q) => q.type !== 'aptitude').flatMap((q) => q.topics))];
    const unresolved = topics.filter((t) => !findSkill(taxonomy, t));
    expect(unresolved.length / topics.length).toBeLessThan(0.1);
  });

  describe('with a broken file', () => {
    let dir: string | undefined;
    afterEach(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = undefined;
    });

    it('names the file that is not valid JSON', async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'panelist-skills-'));
      const file = path.join(dir, 'skills.json');
      await writeFile(file, '{"skills": [');
      await expect(loadSkillsTaxonomy(file)).rejects.toThrow(/skills\.json is not valid JSON/);
    });

    it('refuses colliding aliases', async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'panelist-skills-'));
      const file = path.join(dir, 'skills.json');
      const skills = [
        { id: 'postgresql', name: 'PostgreSQL', category: 'database', aliases: ['postgres'] },
        { id: 'mysql', name: 'MySQL', category: 'database', aliases: ['Postgres'] },
      ];
      await writeFile(file, JSON.stringify({ skills }));
      await expect(loadSkillsTaxonomy(file)).rejects.toThrow(/collides with postgresql/);
    });
  });
});
