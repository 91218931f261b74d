import type { Level, QuestionType } from '../../contract/interviews.js';
import type { ResumeEmployer, ResumeProject } from '../skills/extract-skills.js';
import type { Skill } from '../skills/taxonomy.js';
import type { BankQuestion } from './bank.js';

export interface Grounding {
  projects: ResumeProject[];
  employers: ResumeEmployer[];
  /** Technical skills the job requires, most important first. */
  jobSkills: Skill[];
  /** Technical skills both the job and the resume name. */
  sharedSkills: Skill[];
  /** Technical skills on the resume, those the job also wants first. */
  resumeSkills: Skill[];
  /** Technical skills the job requires that the resume does not name (only with a resume). */
  gapSkills: Skill[];
  /** Soft skills the job description asks for. */
  softSkills: Skill[];
}

export interface Draft {
  templateId: string;
  text: string;
  keyPoints: string[];
  targetSkills: string[];
  /** Projects, employers and skills the question is about; a plan uses each only once. */
  subjects: string[];
  /** How strongly the question is anchored in what the candidate gave us. */
  grounding: number;
  bank?: BankQuestion;
}

export interface Used {
  subjects: Set<string>;
  templates: Set<string>;
  bankIds: Set<string>;
  texts: Set<string>;
}

export interface Template {
  id: string;
  type: QuestionType;
  levels?: readonly Level[];
  /** Skills every question from this template exercises, besides the ones its grounding adds. */
  skills?: readonly string[];
  draft(g: Grounding, used: Used): Omit<Draft, 'templateId'> | null;
}

function firstUnused<T>(list: readonly T[], key: (item: T) => string, used: Used): T | undefined {
  return list.find((item) => !used.subjects.has(key(item)));
}

const projectKey = (p: ResumeProject) => `project:${p.name.toLowerCase()}`;
const employerKey = (e: ResumeEmployer) => `employer:${e.name.toLowerCase()}`;
const skillKey = (s: Skill) => `skill:${s.id}`;

/** Soft-skill names read as nouns inside a sentence ("strong stakeholder management"). */
export function lowerSkillName(name: string): string {
  // Words in capitals or with inner capitals are acronyms or brands and keep their spelling.
  return name
    .split(' ')
    .map((word) => (/^[A-Z][a-z-]*$/.test(word) ? word.toLowerCase() : word))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Templates. Each one names what it needs, writes the question, and lists the key points the
// local evaluator scores against: specific to the question, general enough for any candidate.

export const TEMPLATES: readonly Template[] = [
  // Behavioral ---------------------------------------------------------------------------------
  {
    id: 'beh-project-hard-decision',
    type: 'behavioral',
    skills: ['decision-making'],
    draft(g, used) {
      const project = firstUnused(g.projects, projectKey, used);
      if (!project) return null;
      const where = project.employer ? ` at ${project.employer}` : '';
      return {
        text: `Your resume mentions ${project.name}${where}. What was the hardest decision you made on it, and how did it turn out?`,
        keyPoints: [
          `Sets the scene: what ${project.name} was for and what their own role on it was`,
          'Names the decision and why it was hard, such as competing goals or missing information',
          'Describes the options they considered and the trade-offs between them',
          'Explains how the decision was made and who they involved or had to persuade',
          'Gives the outcome with concrete evidence such as numbers, dates or feedback',
          'Reflects on what they would decide differently today',
        ],
        targetSkills: project.skillIds.slice(0, 2),
        subjects: [projectKey(project)],
        grounding: project.employer ? 5 : 4,
      };
    },
  },
  {
    id: 'beh-employer-setback',
    type: 'behavioral',
    skills: ['ownership', 'accountability'],
    draft(g, used) {
      const employer = firstUnused(g.employers, employerKey, used);
      if (!employer) return null;
      const as = employer.title ? `as ${employer.title} at ${employer.name}` : `at ${employer.name}`;
      return {
        text: `During your time ${as}, tell me about something you owned that went wrong. What did you do first, and what changed afterwards?`,
        keyPoints: [
          `Describes a specific failure they personally owned at ${employer.name}, not a team-wide generality`,
          'Explains the immediate response: how they limited the damage and who they told',
          'Identifies the root cause rather than only the trigger',
          'Names a lasting change they made so it would not happen again',
          'Takes responsibility without blaming others',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 3,
      };
    },
  },
  {
    id: 'beh-employer-disagreement',
    type: 'behavioral',
    skills: ['conflict-resolution', 'collaboration'],
    draft(g, used) {
      const employer = firstUnused(g.employers, employerKey, used);
      if (!employer) return null;
      return {
        text: `Think of a real disagreement with a colleague or manager at ${employer.name}. What was it about, how did you resolve it, and how did the working relationship hold up?`,
        keyPoints: [
          'Describes a concrete disagreement and what was at stake',
          "Shows they listened to the other person and can state that person's view fairly",
          'Moved the discussion to shared goals, data or a small experiment',
          'Reached a decision both sides could accept, or escalated constructively',
          'Says how the relationship was afterwards and what they learned',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 2.5,
      };
    },
  },
  {
    id: 'beh-skill-surprise',
    type: 'behavioral',
    skills: ['problem-solving'],
    draft(g, used) {
      const skill = firstUnused(g.resumeSkills, skillKey, used);
      if (!skill) return null;
      const project = g.projects.find((p) => p.skillIds.includes(skill.id) && !used.subjects.has(projectKey(p)));
      const employer = project?.employer ?? g.employers[0]?.name;
      const where = project ? ` on ${project.name}` : employer ? ` at ${employer}` : '';
      return {
        text: `You used ${skill.name}${where}. Tell me about a time it did not behave the way you expected. How did you find out what was going on, and what did you change?`,
        keyPoints: [
          `Describes a specific, real problem with ${skill.name} rather than a hypothetical one`,
          'Explains how they noticed it: monitoring, tests, user reports or code review',
          'Walks through how they narrowed down the cause step by step',
          'Describes the fix and how they verified that it worked',
          'Mentions what they changed to catch similar problems earlier',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill), ...(project ? [projectKey(project)] : [])],
        grounding: where ? 3 : 2,
      };
    },
  },
  {
    id: 'beh-gap-learning',
    type: 'behavioral',
    skills: ['continuous-learning'],
    draft(g, used) {
      const skill = firstUnused(g.gapSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `This role asks for ${skill.name}, which does not appear on your resume. Tell me about a time you had to get productive with an unfamiliar technology quickly. How did you go about it, and how would you approach ${skill.name} here?`,
        keyPoints: [
          'Gives a concrete past example of learning a technology under time pressure',
          'Describes a deliberate approach such as small experiments, documentation, pairing or reading existing code',
          'Explains how they checked their understanding before relying on it in production',
          'Says how long it took to become productive and what the result was',
          `Outlines a credible plan for learning ${skill.name} in this role`,
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2.5,
      };
    },
  },
  {
    id: 'beh-proudest-skill-work',
    type: 'behavioral',
    draft(g, used) {
      const skill = firstUnused(g.sharedSkills.length > 0 ? g.sharedSkills : g.jobSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `The role asks for hands-on ${skill.name} experience. Describe the piece of work with ${skill.name} you are proudest of: what made it difficult, and what was your part in it?`,
        keyPoints: [
          `Picks one specific piece of work that used ${skill.name}`,
          'Explains what made it technically or organisationally difficult',
          "Separates their own contribution from the team's",
          'Describes a measurable or visible result',
          `Shows understanding of ${skill.name} beyond basic use`,
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2,
      };
    },
  },
  {
    id: 'beh-soft-skill-example',
    type: 'behavioral',
    draft(g, used) {
      const skill = firstUnused(g.softSkills, skillKey, used);
      if (!skill) return null;
      const name = lowerSkillName(skill.name);
      return {
        text: `This role calls for strong ${name}. Tell me about a specific time you showed it: what the situation was, what you did, and what changed because of it.`,
        keyPoints: [
          'Describes one specific situation rather than a general habit',
          'Makes clear what their own task or responsibility was',
          `Describes concrete actions that show ${name}`,
          'Gives a result, ideally with evidence such as numbers or feedback',
          'Reflects on what they learned or would do differently',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 1.5,
      };
    },
  },
  {
    id: 'beh-growing-others',
    type: 'behavioral',
    skills: ['mentoring', 'leadership'],
    levels: ['mid', 'senior'],
    draft(g, used) {
      const employer = firstUnused(
        g.employers.filter((e) => e.title),
        employerKey,
        used,
      );
      if (!employer) return null;
      return {
        text: `In your role as ${employer.title} at ${employer.name}, how did you help the people around you get better? Give one example of someone you supported and what changed for them.`,
        keyPoints: [
          'Names a specific person or group they supported, anonymised if needed',
          'Describes what that person needed and how they found out',
          'Explains concrete support such as pairing, feedback, stretch work or sponsorship',
          "Describes the change in the person's skills, confidence or role",
          'Shows they adapted their approach to the individual',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 2.5,
      };
    },
  },

  // Technical ----------------------------------------------------------------------------------
  {
    id: 'tech-shared-skill-depth',
    type: 'technical',
    draft(g, used) {
      const skill = firstUnused(g.sharedSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `The role asks for ${skill.name}, and it is on your resume. Explain how ${skill.name} works underneath in the places that matter for production use, and where it tends to break down.`,
        keyPoints: [
          `Explains the core mechanism of ${skill.name} accurately, not just its features`,
          `Names at least one limitation, failure mode or common pitfall of ${skill.name}`,
          'Connects the explanation to a production concern such as performance, reliability or cost',
          `Gives an example from their own work with ${skill.name}`,
          'Mentions how they would test, measure or monitor the behaviour they describe',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 3,
      };
    },
  },
  {
    id: 'tech-project-rebuild',
    type: 'technical',
    skills: ['software-design'],
    draft(g, used) {
      for (const project of g.projects) {
        if (used.subjects.has(projectKey(project))) continue;
        const skill = g.resumeSkills.find((s) => project.skillIds.includes(s.id) && !used.subjects.has(skillKey(s)));
        if (!skill) continue;
        return {
          text: `On ${project.name} you worked with ${skill.name}. If you rebuilt it today, what would you keep, what would you change, and why?`,
          keyPoints: [
            `Describes the original design of ${project.name} and the part ${skill.name} played in it`,
            'Identifies what worked well and should be kept, with reasons',
            'Names a concrete weakness and what they would change',
            'Explains the trade-offs of the change, including the cost and risk of migrating',
            'Grounds the answer in evidence from running the system, such as incidents or metrics',
          ],
          targetSkills: [skill.id],
          subjects: [projectKey(project), skillKey(skill)],
          grounding: 4.5,
        };
      }
      return null;
    },
  },
  {
    id: 'tech-skill-mistakes',
    type: 'technical',
    draft(g, used) {
      const skill = firstUnused(g.jobSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `The role asks for ${skill.name}. Which mistakes do you see people make most often with ${skill.name}, and how do you avoid them in your own work?`,
        keyPoints: [
          `Names at least two specific, realistic mistakes made with ${skill.name}`,
          'Explains what each mistake costs in production or for the team',
          'Describes concrete practices or tools that prevent them',
          'Shows judgement about when a usual rule can reasonably be broken',
          'Illustrates the answer with an example from their experience',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2,
      };
    },
  },
  {
    id: 'tech-skill-pair',
    type: 'technical',
    levels: ['mid', 'senior'],
    draft(g, used) {
      const free = g.jobSkills.filter((s) => !used.subjects.has(skillKey(s)));
      const [first, second] = free;
      if (!first || !second) return null;
      return {
        text: `This team uses ${first.name} together with ${second.name}. How do the two fit together, and where would you expect friction between them?`,
        keyPoints: [
          `Explains what ${first.name} is responsible for and what ${second.name} is responsible for`,
          'Describes how the two interact or exchange data in a typical setup',
          'Names a realistic point of friction such as configuration, versions, performance or failure handling',
          'Suggests a concrete way to reduce that friction',
          'Mentions how they would test or observe the integration',
        ],
        targetSkills: [first.id, second.id],
        subjects: [skillKey(first), skillKey(second)],
        grounding: 2.5,
      };
    },
  },
  {
    id: 'tech-resume-skill-diagnosis',
    type: 'technical',
    skills: ['problem-solving'],
    draft(g, used) {
      const skill = firstUnused(g.resumeSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `You list ${skill.name} on your resume. Walk me through how you would diagnose a slow or failing component built with ${skill.name}, from the first alert to the fix.`,
        keyPoints: [
          'Reproduces or scopes the problem before changing anything',
          `Uses concrete diagnostic tools or signals that fit ${skill.name}`,
          'Forms hypotheses and tests them one at a time',
          'Describes a fix and how they would verify it',
          'Prevents a recurrence with tests, alerts or documentation',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 1.5,
      };
    },
  },

  // System design ------------------------------------------------------------------------------
  {
    id: 'sd-project-ten-times',
    type: 'system_design',
    skills: ['scalability', 'system-design'],
    draft(g, used) {
      const project = firstUnused(g.projects, projectKey, used);
      if (!project) return null;
      return {
        text: `Suppose ${project.name} had to handle ten times its current load. Sketch how you would evolve its architecture, and tell me what would break first.`,
        keyPoints: [
          `Summarises the current architecture of ${project.name} and its main bottleneck`,
          'Identifies what breaks first at ten times the load, with reasoning',
          'Proposes specific changes such as caching, partitioning, queues or replication',
          'Discusses trade-offs including consistency, cost and operational complexity',
          'Explains how they would roll the change out safely and measure success',
        ],
        targetSkills: project.skillIds.slice(0, 1),
        subjects: [projectKey(project)],
        grounding: 4,
      };
    },
  },
  {
    id: 'sd-skill-service',
    type: 'system_design',
    skills: ['system-design'],
    draft(g, used) {
      const skill = firstUnused(
        g.jobSkills.filter((s) => ['backend', 'database', 'cloud', 'devops', 'data', 'ml'].includes(s.category)),
        skillKey,
        used,
      );
      if (!skill) return null;
      return {
        text: `Design a small service for this team that relies on ${skill.name}. Describe the main components, where ${skill.name} fits, and how you would keep the service reliable.`,
        keyPoints: [
          'Clarifies requirements and expected scale before designing',
          'Names the main components and how data flows between them',
          `Explains clearly why and where ${skill.name} is used`,
          'Addresses failure handling such as retries, timeouts or redundancy',
          'Mentions monitoring and how the design could grow',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2,
      };
    },
  },
  {
    id: 'sd-employer-redesign',
    type: 'system_design',
    skills: ['architecture', 'system-design'],
    draft(g, used) {
      const employer = firstUnused(g.employers, employerKey, used);
      if (!employer) return null;
      return {
        text: `Pick a system you worked on at ${employer.name}. Describe its main components in words, then tell me which part you would redesign first and why.`,
        keyPoints: [
          "Describes the system's purpose and its main components clearly",
          'Explains how requests or data move through the system',
          'Picks one part to redesign and gives a concrete reason such as scale, cost or reliability',
          'Proposes an alternative design along with its trade-offs',
          'Considers how to migrate without disrupting users',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 2.5,
      };
    },
  },

  // Communication ------------------------------------------------------------------------------
  {
    id: 'comm-project-plain-words',
    type: 'communication',
    skills: ['explaining-technical-concepts', 'stakeholder-management'],
    draft(g, used) {
      const project = firstUnused(g.projects, projectKey, used);
      if (!project) return null;
      return {
        text: `Explain ${project.name} to a non-technical stakeholder in under two minutes: what it does, why it mattered, and what it cost.`,
        keyPoints: [
          `Opens with the problem ${project.name} solved, in plain language`,
          'Avoids jargon or explains any technical term used',
          'States the business value or impact, ideally with a number',
          'Mentions cost, effort or trade-offs honestly',
          'Keeps a short, clear structure that fits the time limit',
        ],
        targetSkills: [],
        subjects: [projectKey(project)],
        grounding: 4,
      };
    },
  },
  {
    id: 'comm-skill-to-sales',
    type: 'communication',
    skills: ['explaining-technical-concepts'],
    draft(g, used) {
      const skill = firstUnused(g.jobSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `How would you explain ${skill.name}, and why this team relies on it, to a new colleague who works in sales?`,
        keyPoints: [
          'Uses an everyday analogy or a concrete example',
          `Explains the problem ${skill.name} solves rather than how it is implemented`,
          'Connects it to something the colleague cares about, such as customers or reliability',
          'Avoids jargon or defines any term used',
          'Checks understanding or invites questions',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2,
      };
    },
  },
  {
    id: 'comm-employer-updates',
    type: 'communication',
    skills: ['stakeholder-management', 'written-communication'],
    draft(g, used) {
      const employer = firstUnused(g.employers, employerKey, used);
      if (!employer) return null;
      return {
        text: `At ${employer.name}, how did you keep people outside your team informed about your work? What did you send, how often, and how did you know it was working?`,
        keyPoints: [
          'Names the audiences they updated and what each of them needed',
          'Describes the format and rhythm of the updates',
          'Explains how they handled bad news or delays',
          'Describes how they checked that the updates were read and useful',
          'Mentions something they changed based on feedback',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 2.5,
      };
    },
  },
];

/** Template ids and the skills they always target; exported so tests can check them against the taxonomy. */
export const TAILORED_TEMPLATE_IDS: readonly string[] = TEMPLATES.map((t) => t.id);
export const TAILORED_TEMPLATE_SKILLS: readonly string[] = [...new Set(TEMPLATES.flatMap((t) => t.skills ?? []))];
