import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import { validateSkillTaxonomy } from '../skills/taxonomy.js';
import { findResumeSkills, listItems } from './resume-skills.js';
import { sectionLines } from './resume-sections.js';

const taxonomy = validateSkillTaxonomy(skillsFile);
const skills = (text: string) => findResumeSkills(sectionLines(text), taxonomy);

describe('findResumeSkills', () => {
  it('gives taxonomy names for aliases and keeps the skills-section list first', () => {
    const found = skills('Jane Doe\nExperience\n• Deployed services on k8s with postgres.\nSkills\nGo, golang, JS, React.js, Postgres');
    // Go is listed twice and Postgres is also named in a job: strongest first, then as listed.
    expect(found.slice(0, 4)).toEqual(['Go', 'PostgreSQL', 'JavaScript', 'React']);
    expect(found).toContain('Kubernetes');
  });

  it('keeps unknown skills-section items as written, but not spoken languages or filler', () => {
    const found = skills(
      'Skills\nWound Care, IV Therapy; Patient Education | Spanish (native), English, and more\nLanguages: French (fluent)',
    );
    expect(found).toEqual(['Wound Care', 'IV Therapy', 'Patient Education']);
  });

  it('keeps a narrower skill named by a qualifier before a generic word', () => {
    expect(skills('Skills\nLesson Planning, Parent Communication, Advanced Excel, Team Leadership').sort()).toEqual(
      ['Lesson Planning', 'Parent Communication', 'Excel', 'Leadership'].sort(),
    );
  });

  it('reads a list wrapped over two lines as one list', () => {
    expect(skills('Skills\nDomestic and Commercial Wiring, Fault Finding, PLC Programming, Safe Pass, Solar PV\nInstallation')).toContain(
      'Solar PV Installation',
    );
  });

  it('counts a label that is itself a skill', () => {
    expect(skills('Technical Skills\nObservability: Prometheus, Grafana')).toEqual(['Observability', 'Prometheus', 'Grafana']);
  });

  it('needs more than a passing common word outside the skills section', () => {
    const story =
      'Jane Doe\nExperience\n• Followed infection protocols and tracked metrics on every shift.\n• Deployed the API gateway with Terraform.';
    const found = skills(story);
    expect(found).toContain('Terraform');
    expect(found).not.toContain('Networking');
    expect(found).not.toContain('Monitoring');
    // A soft skill named once in a story is not a claimed skill; in the skills section it is.
    expect(skills('Summary\nGreat communication with patients.')).toEqual([]);
    expect(skills('Skills\nCommunication')).toEqual(['Communication']);
  });

  it('does not read links, addresses or employer names as skills', () => {
    expect(skills('Jane Doe\ngithub.com/jane | jane@gitlab.example.com\nSummary\nI write Python.')).toEqual(['Python']);
    const lines = sectionLines('Experience\nAnalyst, Lumen Payments Inc., 2019 - 2021\n• Wrote Python reports.');
    expect(findResumeSkills(lines, taxonomy)).toContain('Payments');
    expect(findResumeSkills(lines, taxonomy, ['Lumen Payments Inc.'])).toEqual(['Python']);
  });
});

describe('listItems', () => {
  it('splits on list separators and drops a group label', () => {
    expect(listItems('Cloud & tools: AWS, Docker; CI/CD | Bash • Helm')).toEqual(['AWS', 'Docker', 'CI/CD', 'Bash', 'Helm']);
  });
});
