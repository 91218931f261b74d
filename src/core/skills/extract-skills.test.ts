import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import { extractSkills, findSkillMentions } from './extract-skills.js';
import { extractJobSkills } from './job-skills.js';
import { validateSkillTaxonomy } from './taxonomy.js';

/** CPU time of this test process: unlike wall time, not inflated by a busy shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const taxonomy = validateSkillTaxonomy(skillsFile);
const ids = (text: string) => extractSkills(text, taxonomy).map((s) => s.skillId);

describe('extractSkills', () => {
  it('matches names with punctuation inside them', () => {
    expect(ids('We write C++ and C# on .NET, with Node.js services and CI/CD.').sort()).toEqual(
      ['ci-cd', 'cpp', 'csharp', 'dotnet', 'nodejs'].sort(),
    );
  });

  it('does not confuse related spellings', () => {
    expect(ids('Java and JavaScript')).toEqual(['java', 'javascript']);
    expect(ids('ASP.NET Core')).toEqual(['aspnet']);
    expect(ids('Objective-C')).toEqual(['objective-c']);
    expect(ids('C-level stakeholders')).not.toContain('c');
  });

  it('understands abbreviations and other spellings', () => {
    expect(ids('We run k8s on GCP with postgres and react.js')).toEqual(['kubernetes', 'gcp', 'postgresql', 'react']);
    expect(ids('ci-cd pipelines, golang, JS')).toEqual(['ci-cd', 'go', 'javascript']);
  });

  it('does not read everyday words as languages', () => {
    expect(ids('We go live every week, go to market fast and R&D reviews the plan B.')).toEqual([]);
    expect(ids('We react quickly to incidents; the rest of the team helps.')).toEqual([]);
    expect(ids('Go to the settings page.')).toEqual([]);
    expect(ids('Grade: C. Copyright (C) 2024 Acme(R). Series C funding, C-level buy-in.')).toEqual([]);
    expect(ids('Excel at it. We Spark joy. Lean on your friends.')).toEqual([]);
  });

  it('recognises ambiguous names in a technical context', () => {
    expect(ids('Go developer wanted')).toEqual(['go']);
    expect(ids('Experience with Go, Rust or Java.')).toEqual(['go', 'rust', 'java']);
    expect(ids('Statistics in R, mostly.')).toContain('r');
    expect(ids('Languages: Go, R')).toEqual(['go', 'r']);
    expect(ids('services written in Go on Kubernetes')).toEqual(['go', 'kubernetes']);
    expect(ids('Python, R and SQL')).toEqual(['python', 'r', 'sql']);
    expect(ids('Backend Engineer (Go)')).toEqual(['backend', 'go']);
    expect(ids('C and C++ for embedded firmware').sort()).toEqual(['c', 'cpp', 'embedded-systems']);
  });

  it('lets ambiguous names vouch for each other from either side of a list', () => {
    expect(ids('R, Go, Julia, Python')).toEqual(['r', 'go', 'julia', 'python']);
    expect(ids('Python, Julia, Go, R')).toEqual(['python', 'julia', 'go', 'r']);
  });

  it('reads a long list of ambiguous names in linear time', () => {
    const started = cpuMs();
    const mentions = findSkillMentions(`Python, ${'R, '.repeat(30_000)}`, taxonomy);
    expect(mentions).toHaveLength(30_001);
    // Generous: rechecking every pending name against every accepted one after each acceptance
    // took minutes here.
    expect(cpuMs() - started).toBeLessThan(5000);
  });

  it('is case-insensitive for ordinary aliases and counts mentions with evidence', () => {
    const [kubernetes] = extractSkills('KUBERNETES in prod. kubernetes in staging. Kubernetes at home.', taxonomy);
    expect(kubernetes).toMatchObject({ skillId: 'kubernetes', name: 'Kubernetes', category: 'devops', mentions: 3 });
    expect(kubernetes?.evidence).toContain('KUBERNETES in prod');
  });

  it('accepts plurals of real words but keeps the longest spelling only once', () => {
    expect(ids('REST APIs over microservices and databases')).toEqual(['rest', 'microservices', 'databases']);
    expect(extractSkills('Node.js', taxonomy)).toHaveLength(1);
  });

  it('finds soft skills too', () => {
    expect(ids('Strong stakeholder management and mentoring of junior engineers.')).toEqual(['stakeholder-management', 'mentoring']);
  });
});

describe('extractJobSkills', () => {
  const jd = `Senior Backend Engineer

About the role
You will build payment services in Go on Kubernetes.

Requirements:
- 5+ years with PostgreSQL
- Strong experience with Kafka and Docker

Nice to have:
- Terraform
- GraphQL

Experience with Rust is a plus.`;

  it('separates required from nice-to-have sections', () => {
    const skills = extractJobSkills(jd, taxonomy);
    const required = skills.required.map((s) => s.skillId);
    const nice = skills.niceToHave.map((s) => s.skillId);
    expect(required).toEqual(expect.arrayContaining(['go', 'kubernetes', 'postgresql', 'kafka', 'docker']));
    expect(nice.sort()).toEqual(['graphql', 'rust', 'terraform']);
    expect(required.filter((id) => nice.includes(id))).toEqual([]);
  });

  it('reads inline headings and sentence markers', () => {
    const skills = extractJobSkills('Must have: Python and SQL.\nBonus: Airflow.\nKnowledge of dbt would be great.', taxonomy);
    expect(skills.required.map((s) => s.skillId)).toEqual(['python', 'sql']);
    expect(skills.niceToHave.map((s) => s.skillId)).toEqual(['airflow', 'dbt']);
  });

  it('treats a skill that is both required and a plus as required', () => {
    const skills = extractJobSkills('Requirements: AWS.\nPreferred: deep AWS networking knowledge.', taxonomy);
    expect(skills.required.map((s) => s.skillId)).toContain('aws');
    expect(skills.niceToHave.map((s) => s.skillId)).not.toContain('aws');
  });

  it('counts a plain ad without headings as required', () => {
    const skills = extractJobSkills('We are looking for a React developer who knows TypeScript.', taxonomy);
    expect(skills.required.map((s) => s.skillId)).toEqual(['react', 'typescript']);
    expect(skills.niceToHave).toEqual([]);
  });
});
