import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import { validateSkillTaxonomy } from '../skills/taxonomy.js';
import { normalizeResumeText, normalizeResumeTextWithin } from './normalize-text.js';
import { parseResume } from './parse-resume.js';
import { removeInjections } from './resume-injection.js';
import { MAX_RESUME_TEXT_CHARS } from './resume-text-limit.js';

/** CPU time of this test process: unlike wall time, not inflated by a busy shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

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

describe('parseResume on hostile text', () => {
  // The most parseResume reads; the old quadratic steps took from half a minute to hours here.
  const size = MAX_RESUME_TEXT_CHARS;
  const repeat = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  /** What readResume does with a text file's content. */
  const read = (raw: string) => {
    const { text } = removeInjections(normalizeResumeTextWithin(raw).text);
    return parseResume(text, taxonomy, { now });
  };

  // Each of these made one step quadratic (or worse): a regex retrying a long run from every
  // position, or a loop rescanning what it had read.
  it.each([
    ['dotted words', repeat('a.')],
    ['dotted capitals', repeat('A.')],
    ['digits and dashes', repeat('1-')],
    ['dotted hosts', repeat('a.com.')],
    ['capitalised words', repeat('Go ')],
    ['capitalised pairs', repeat('Abc Def ')],
    ['a list of ambiguous skills', `Skills: Python, ${repeat('R, ')}`],
    ['a mixed list on one line', repeat('Python, SQL; Go | R • Excel\t')],
    ['a model name with a long number', `gpt${repeat('1')}`],
    ['a long sentence ending in a decimal', `${repeat('word ')}1.5`],
  ])(
    'reads %s in linear time',
    (_, raw) => {
      const started = cpuMs();
      const parsed = read(raw);
      // Generous: each takes well under a second now.
      expect(cpuMs() - started).toBeLessThan(5000);
      expect(parsed.positions.length).toBeLessThanOrEqual(50);
    },
    120_000,
  );

  it('still reads what hostile text says', () => {
    expect(read(`Skills: Python, ${repeat('R, ')}`).skills.sort()).toEqual(['Python', 'R']);
    expect(read(repeat('Python, SQL; Go | R • Excel\t')).skills).toEqual(expect.arrayContaining(['Python', 'SQL', 'Go', 'R', 'Excel']));
  });

  it('parses only the resume-sized start of a longer text', () => {
    const filler = 'Led weekly planning with the team.\n'.repeat(Math.ceil(MAX_RESUME_TEXT_CHARS / 35));
    const parsed = parseResume(`Jane Doe\njane@example.com\nSummary\n${filler}Skills\nKubernetes, Terraform`, taxonomy, { now });
    expect(parsed.email).toBe('jane@example.com');
    expect(parsed.skills).not.toContain('Kubernetes');
  });
});
