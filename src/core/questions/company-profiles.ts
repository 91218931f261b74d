import { z } from 'zod';
import { roleWords } from './role-profiles.js';

/**
 * Target companies (content/companies/companies.json): values and interview style a company
 * publishes, summarised in our words. When a candidate names one, behavioural questions lean to
 * that company's values and each is introduced by a sentence tying it to the value it tests.
 * Pure: the catalog is passed in.
 */
export const companyValue = z.object({
  name: z.string().min(2),
  /** What the value asks of people, as a verb phrase that reads after "asks its people to". */
  meaning: z.string().min(10),
  /** Bank topics the value speaks to. */
  topics: z.array(z.string().min(2)).min(1),
});
export type CompanyValue = z.infer<typeof companyValue>;

export const companyProfile = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  name: z.string().min(2),
  aliases: z.array(z.string().min(2)).min(1),
  /** Where the company publishes the values and hiring practice summarised here. */
  source: z.string().min(10),
  interviewStyle: z.string().min(40),
  values: z.array(companyValue).min(3),
});
export type CompanyProfile = z.infer<typeof companyProfile>;

export interface CompanyCatalog {
  companies: readonly CompanyProfile[];
  aliases: readonly { words: string[]; company: CompanyProfile }[];
}

export function parseCompanyCatalog(content: unknown): CompanyCatalog {
  const { companies } = z.object({ companies: z.array(companyProfile).min(1) }).parse(content);
  const problems: string[] = [];
  const ids = new Set<string>();
  const owners = new Map<string, string>();
  const aliases: { words: string[]; company: CompanyProfile }[] = [];
  for (const c of companies) {
    if (ids.has(c.id)) problems.push(`duplicate company ${c.id}`);
    ids.add(c.id);
    for (const alias of c.aliases) {
      const words = roleWords(alias);
      const key = words.join(' ');
      const owner = owners.get(key);
      if (owner !== undefined && owner !== c.id) problems.push(`alias "${alias}" belongs to both ${owner} and ${c.id}`);
      owners.set(key, c.id);
      aliases.push({ words, company: c });
    }
  }
  if (problems.length > 0) throw new Error(`companies are invalid:\n${problems.join('\n')}`);
  aliases.sort((a, b) => b.words.length - a.words.length);
  return { companies, aliases };
}

/** The company a free text names ("Amazon Web Services", "google"), or undefined. Whole words only. */
export function matchCompany(catalog: CompanyCatalog, text: string | undefined): CompanyProfile | undefined {
  if (!text) return undefined;
  const words = roleWords(text);
  if (words.length === 0) return undefined;
  for (const alias of catalog.aliases) {
    outer: for (let i = 0; i + alias.words.length <= words.length; i += 1) {
      for (let j = 0; j < alias.words.length; j += 1) if (words[i + j] !== alias.words[j]) continue outer;
      return alias.company;
    }
  }
  return undefined;
}

/** Every topic the company's values speak to, for preferring matching behavioural questions. */
export function companyTopics(company: CompanyProfile): string[] {
  return [...new Set(company.values.flatMap((v) => v.topics))];
}

/**
 * The value a question tests best: the most topics shared, the earlier value on a tie (companies
 * list their values in their own order of emphasis). Undefined when none is shared: a framing
 * that does not fit the question would mislead more than help.
 */
export function valueForQuestion(company: CompanyProfile, topics: readonly string[]): CompanyValue | undefined {
  const wanted = new Set(topics);
  let best: { value: CompanyValue; shared: number } | undefined;
  for (const value of company.values) {
    const shared = value.topics.filter((t) => wanted.has(t)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { value, shared };
  }
  return best?.value;
}

/** The question as asked of a candidate preparing for the company: one framing sentence, then the question unchanged. */
export function frameForCompany(company: CompanyProfile, value: CompanyValue, questionText: string): string {
  return `${company.name} asks its people to ${value.meaning} (“${value.name}”). ${questionText}`;
}
