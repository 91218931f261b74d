import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import { validateSkillTaxonomy } from '../skills/taxonomy.js';
import { normalizeResumeText } from './normalize-text.js';
import { parseResume } from './parse-resume.js';

const taxonomy = validateSkillTaxonomy(skillsFile);
const now = { year: 2025, month: 6 };

const resume = `MARIA GONZALEZ
Senior Backend Engineer
Austin, TX | maria.gonzalez@example.com | +1 (512) 555-0142 | linkedin.com/in/mariag | github.com/mgonz

PROFESSIONAL SUMMARY
Backend engineer with 9+ years of experience building payment APIs in Go and Python.

WORK HISTORY
Senior Backend Engineer | Lumen Payments Inc. | Jan 2020 – Present
• Built Go microservices on Kubernetes and PostgreSQL.
Software Engineer
Brightline Health, Dallas, TX
03/2016 - 12/2019
• Wrote Python services with Django and Celery.
Contract Developer, Self-employed, 2017 – 2018

EDUCATION & TRAINING
B.S. in Computer Science, University of Texas at Austin, 2015

TECHNICAL SKILLS
Languages: Go, Python, SQL
Tools: Docker, Terraform, Jira`;

describe('parseResume', () => {
  const parsed = parseResume(normalizeResumeText(resume), taxonomy, { now });

  it('reads the contact block', () => {
    expect(parsed).toMatchObject({
      name: 'Maria Gonzalez',
      email: 'maria.gonzalez@example.com',
      phone: '+1 (512) 555-0142',
      location: 'Austin, TX',
      links: [
        { kind: 'linkedin', url: 'https://linkedin.com/in/mariag' },
        { kind: 'github', url: 'https://github.com/mgonz' },
      ],
    });
  });

  it('reads jobs in their different shapes and counts overlapping years once', () => {
    expect(parsed.positions).toEqual([
      { title: 'Senior Backend Engineer', employer: 'Lumen Payments Inc.', start: '2020-01', end: 'present' },
      { title: 'Software Engineer', employer: 'Brightline Health', start: '2016-03', end: '2019-12' },
      { title: 'Contract Developer', employer: 'Self-employed', start: '2017', end: '2018' },
    ]);
    // Mar 2016 – Dec 2019 and Jan 2020 – Jun 2025; the 2017–2018 contract overlaps.
    expect(parsed.yearsOfExperience).toBe(9.3);
  });

  it('reads education, skills and sections', () => {
    expect(parsed.education).toEqual([{ degree: 'B.S. in Computer Science', institution: 'University of Texas at Austin', year: 2015 }]);
    expect(parsed.skills.slice(0, 6)).toEqual(['Go', 'Python', 'SQL', 'Docker', 'Terraform', 'Jira']);
    expect(parsed.skills).toEqual(expect.arrayContaining(['Kubernetes', 'PostgreSQL', 'Django', 'Celery', 'Backend Development']));
    // Not from a link, nor from the employer's name, nor from one lower-case "microservices".
    expect(parsed.skills).not.toContain('GitHub');
    expect(parsed.skills).not.toContain('Payments');
    expect(parsed.skills).not.toContain('Microservices');
    expect(parsed.sections).toEqual(['contact', 'summary', 'experience', 'education', 'skills']);
  });

  it('falls back to the years a resume states when no job is dated', () => {
    const stated = parseResume('Alex Kim\nSummary\nIllustrator with over 12 years of experience in editorial work.', taxonomy, { now });
    expect(stated.yearsOfExperience).toBe(12);
    expect(stated.positions).toEqual([]);
  });

  it('returns empty fields, not guesses, for a text without them', () => {
    expect(parseResume('hello world, nothing to see', taxonomy, { now })).toMatchObject({
      name: null,
      email: null,
      phone: null,
      location: null,
      yearsOfExperience: null,
      positions: [],
      education: [],
      skills: [],
    });
  });
});
