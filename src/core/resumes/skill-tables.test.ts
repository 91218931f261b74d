import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import { validateSkillTaxonomy } from '../skills/taxonomy.js';
import { findResumeSkills } from './resume-skills.js';
import { sectionLines } from './resume-sections.js';

const taxonomy = validateSkillTaxonomy(skillsFile);
const skills = (text: string, organisations: string[] = []) => findResumeSkills(sectionLines(text), taxonomy, organisations);

describe('skills in tables, under odd headings, with labels, places and contacts around them', () => {
  it('drops a table header row and the columns that rate, date, place or group a skill', () => {
    const found = skills(
      [
        'Skills',
        'Category\tSkill\tLevel\tWhere I learned',
        'Clinical\tWound care\tAdvanced\tNorthgate General Hospital',
        'Clinical\tTriage\tConfident\tHarbour Walk-in Centre',
        'Digital\tEMIS\tExpert\tPlacements',
      ].join('\n'),
    );
    expect(found).toEqual(['Wound care', 'Triage', 'EMIS']);
  });

  it('reads a Markdown table whose only naming column is its category', () => {
    const found = skills(
      [
        'What I work with',
        '| Category | Level | Where I learned |',
        '|---|---|---|',
        '| Figma | Confident | Self-taught |',
        '| Copywriting | Learning | Online course |',
      ].join('\n'),
    );
    expect(found).toEqual(['Figma', 'Copywriting']);
  });

  it('drops a grouping column without a header when the other column holds lists', () => {
    // Lesson planning is a known skill, so the taxonomy's name is returned; differentiation is kept as written.
    const found = skills(['Toolbox', 'Planning\tLesson planning, differentiation', 'Digital\tGoogle Classroom, Seesaw'].join('\n'));
    expect(found).toEqual(['Lesson Planning', 'differentiation', 'Google Classroom', 'Seesaw']);
  });

  it('drops a column of levels or years in a table without a header', () => {
    expect(skills(['Core skills', 'Budgeting\tExpert\t8', 'Variance analysis\tAdvanced\t6'].join('\n'))).toEqual([
      'Budgeting',
      'Variance analysis',
    ]);
  });

  it('strips labels and never keeps a heading, a place, an organisation or a contact detail', () => {
    const found = skills(
      [
        'Trade',
        'Kit I use: Megger MFT, thermal camera',
        'Tickets: PASMA, IPAF',
        'Skills',
        'Forklift operation, Say hello, Based in Leeds, Ferngate College, jo@example.com, +44 7700 900123, Kestrel Foods',
      ].join('\n'),
      ['Kestrel Foods'],
    );
    expect(found).toEqual(['Megger MFT', 'thermal camera', 'PASMA', 'IPAF', 'Forklift operation']);
  });

  it('reads "Say hello" and "Where I learned" as the contact and education sections, not skills', () => {
    const lines = sectionLines('Skills\nRota planning\nWhere I learned\nBA Retail, Solent University, 2017\nSay hello\nReading, Berkshire');
    expect(lines.filter((l) => l.heading).map((l) => l.section)).toEqual(['skills', 'education', 'contact']);
    expect(skills('Skills\nRota planning\nSay hello\nReading, Berkshire\nWhere I learned\nBA Retail')).toEqual(['Rota planning']);
  });

  it('counts the past tense of a soft skill that opens a bullet as the skill', () => {
    expect(skills('Experience\n• Mentored two engineers through their first on-call rotation.')).toContain('Mentoring');
    expect(skills('Experience\nHired and coached a team of six.')).toEqual(expect.arrayContaining(['Hiring', 'Coaching']));
    // In passing, not a claim.
    expect(skills('Experience\nJoined a mentored graduate scheme.')).not.toContain('Mentoring');
  });
});
