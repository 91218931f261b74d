import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import { validateSkillTaxonomy } from '../skills/taxonomy.js';
import { extractResumeFacts } from './resume-facts.js';

const taxonomy = validateSkillTaxonomy(skillsFile);

const SAMPLE_RESUME = `Jordan Reyes
Senior Backend Engineer
jordan@example.com · Berlin

EXPERIENCE
Senior Backend Engineer, Northwind Logistics — Berlin (2021 – present)
- Led the Route Planner project: rebuilt the dispatch API in Go and PostgreSQL, cutting p95 latency by 40%.
- Moved 30 services to Kubernetes (k8s) with Terraform and GitHub Actions CI/CD.
- Mentored four junior engineers.

Software Engineer at Bluefin Analytics (2017 – 2021)
- Built Harbor, an internal data pipeline on Apache Kafka and Python.
- Worked with Acme Payments Ltd on a shared billing integration.

PROJECTS
Tidewatch – open-source Node.js library for reading tide gauges

SKILLS
Go, Python, TypeScript, PostgreSQL, Redis, Kafka, Docker, Kubernetes, AWS

EDUCATION
BSc Computer Science, TU Berlin (2013 – 2017)
`;

describe('extractResumeFacts', () => {
  const facts = extractResumeFacts(SAMPLE_RESUME, taxonomy);

  it('finds employers with their titles, most recent first', () => {
    expect(facts.employers.map((e) => [e.name, e.title])).toEqual([
      ['Northwind Logistics', 'Senior Backend Engineer'],
      ['Bluefin Analytics', 'Software Engineer'],
    ]);
    expect(facts.titles).toEqual(['Senior Backend Engineer', 'Software Engineer']);
  });

  it('finds named projects, with the employer they belong to and their technologies', () => {
    const byName = new Map(facts.projects.map((p) => [p.name, p]));
    expect([...byName.keys()]).toEqual(['Route Planner', 'Harbor', 'Tidewatch']);
    expect(byName.get('Route Planner')).toMatchObject({ employer: 'Northwind Logistics' });
    expect(byName.get('Route Planner')?.skillIds).toEqual(expect.arrayContaining(['go', 'postgresql']));
    expect(byName.get('Harbor')).toMatchObject({ employer: 'Bluefin Analytics' });
    expect(byName.get('Harbor')?.skillIds).toEqual(expect.arrayContaining(['kafka', 'python']));
    expect(byName.get('Tidewatch')?.employer).toBeUndefined();
    expect(byName.get('Tidewatch')?.skillIds).toContain('nodejs');
  });

  it('lists technologies but not soft skills, and never a partner company as an employer', () => {
    const tech = facts.technologies.map((s) => s.skillId);
    expect(tech).toEqual(
      expect.arrayContaining(['go', 'postgresql', 'kubernetes', 'terraform', 'kafka', 'python', 'nodejs', 'redis', 'aws']),
    );
    expect(tech).not.toContain('mentoring');
    expect(facts.employers.map((e) => e.name)).not.toContain('Acme Payments Ltd');
  });

  it('reads inline employers with a company suffix and other header shapes', () => {
    const other = extractResumeFacts(
      [
        'Experience',
        'Globex Corp | Staff Engineer | 2019 - 2024',
        '- Shipped the Beacon platform in Rust.',
        'Previously a developer at Initech Software.',
      ].join('\n'),
      taxonomy,
    );
    expect(other.employers.map((e) => e.name)).toEqual(['Globex Corp', 'Initech Software']);
    expect(other.employers[0]?.title).toBe('Staff Engineer');
    expect(other.projects.map((p) => [p.name, p.employer])).toEqual([['Beacon', 'Globex Corp']]);
  });

  it('reads markdown resumes and job headers split over two lines', () => {
    const markdown = extractResumeFacts(
      [
        '# Sam Ortiz',
        '**Staff Frontend Engineer** · sam@example.com',
        '## Work experience',
        '### Quillmark Inc. — Staff Frontend Engineer (Mar 2021 – Present)',
        '* Architected the Canvas Editor rewrite in React and TypeScript.',
        'Brightwave Media',
        'Frontend Developer, 2017 – 2021',
        '* Built Pulse, a real-time dashboard with D3.js.',
      ].join('\n'),
      taxonomy,
    );
    expect(markdown.titles[0]).toBe('Staff Frontend Engineer');
    expect(markdown.employers.map((e) => [e.name, e.title])).toEqual([
      ['Quillmark Inc.', 'Staff Frontend Engineer'],
      ['Brightwave Media', 'Frontend Developer'],
    ]);
    expect(markdown.projects.map((p) => [p.name, p.employer])).toEqual([
      ['Canvas Editor', 'Quillmark Inc.'],
      ['Pulse', 'Brightwave Media'],
    ]);
  });

  it('invents nothing from text without names', () => {
    const none = extractResumeFacts('I like building things and working with people. I built the new internal platform.', taxonomy);
    expect(none.employers).toEqual([]);
    expect(none.projects).toEqual([]);
  });
});
