import { describe, expect, it } from 'vitest';
import { classifyHeading, sectionLines, sectionsFound } from './resume-sections.js';

describe('classifyHeading', () => {
  it.each([
    ['Work History', 'experience'],
    ['PROFESSIONAL EXPERIENCE', 'experience'],
    ['Employment', 'experience'],
    ['Career History:', 'experience'],
    ['## Relevant Experience', 'experience'],
    ['E X P E R I E N C E', 'experience'],
    ['Education & Training', 'education'],
    ['Academic Background', 'education'],
    ['Qualifications', 'education'],
    ['Technical Skills', 'skills'],
    ['Core Competencies', 'skills'],
    ['Areas of Expertise', 'skills'],
    ['Skills & Tools', 'skills'],
    ['Toolbox', 'skills'],
    ['Skills Summary', 'skills'],
    ['Professional Summary', 'summary'],
    ['Career Objective', 'summary'],
    ['About Me', 'summary'],
    ['Licenses & Certifications', 'certifications'],
    ['Volunteer Experience', 'volunteering'],
    ['Selected Projects', 'projects'],
    ['Honors and Awards', 'awards'],
    ['Languages', 'languages'],
  ])('%s → %s', (line, section) => {
    expect(classifyHeading(line)).toBe(section);
  });

  it('does not take a sentence or a job title for a heading', () => {
    expect(classifyHeading('Experience Design Manager at Acme')).toBeNull();
    expect(classifyHeading('I have experience with Python and SQL.')).toBeNull();
    expect(classifyHeading('Senior Software Engineer')).toBeNull();
  });
});

describe('sectionLines', () => {
  it('assigns lines to sections and reads inline headings', () => {
    const lines = sectionLines(
      [
        'Jane Doe',
        'jane@example.com',
        'Work History',
        'Engineer, Acme, 2019 - 2021',
        'Tools: Jira, Figma',
        'Skills: Python, SQL',
        'Education',
        'B.S. Biology',
      ].join('\n'),
    );
    expect(lines.map((l) => l.section)).toEqual([
      'contact',
      'contact',
      'experience',
      'experience',
      'experience',
      'skills',
      'education',
      'education',
    ]);
    expect(lines[5]!.content).toBe('Python, SQL');
    expect(sectionsFound(lines)).toEqual(['contact', 'experience', 'skills', 'education']);
  });
});
