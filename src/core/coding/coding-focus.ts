import type { CodingTopic } from '../../contract/coding.js';

/**
 * What a role or job description says about the coding an interview should ask: the problem
 * topics its work resembles, whether it asks for SQL, and whether it asks for a programming
 * language at all. A job that says "PostgreSQL" and "reporting" should meet a SQL problem; one
 * that says "routing" and "dependency graphs" a graph problem rather than a third array one.
 */
export interface CodingFocus {
  topics: CodingTopic[];
  sql: boolean;
  programming: boolean;
}

// Phrases a job description uses for work whose problems fall under each topic. Whole words only.
const TOPIC_SIGNS: Array<[CodingTopic, RegExp]> = [
  [
    'graphs',
    /\b(graphs?|networks? of|routing|route planning|shortest paths?|dependency (graph|resolution)|topolog\w*|social network|maps?\b.*\bnavigation)\b/i,
  ],
  ['trees', /\b(trees?|hierarch\w*|file ?systems?|dom\b|org(anisation|anization)? charts?|b-trees?|tries?)\b/i],
  ['heaps', /\b(priority queues?|heaps?|top[- ]k|schedul\w*|leaderboards?|rate limit\w*)\b/i],
  ['dynamic_programming', /\b(dynamic programming|optimi[sz]ation problems?|pricing engines?|knapsack|sequence alignment)\b/i],
  ['strings', /\b(text processing|parsers?|parsing|strings?|search engines?|tokeni[sz]\w*|nlp|natural language|compilers?)\b/i],
  ['hashing', /\b(cach\w*|hash\w*|dedup\w*|indexing|lookups?)\b/i],
  ['stacks_queues', /\b(queues?|message brokers?|undo|event loops?|stacks? of)\b/i],
  ['greedy', /\b(greedy|interval scheduling|resource allocation|bin packing)\b/i],
  ['two_pointers', /\b(streams? merging|merging sorted|sliding windows?|two pointers?)\b/i],
  ['arrays', /\b(arrays?|time series|matri(x|ces)|numerical|spreadsheets?)\b/i],
];

const SQL_SIGN =
  /\b(sql|postgres(ql)?|mysql|mariadb|sqlite|oracle database|sql server|t-sql|pl\/pgsql|bigquery|snowflake|redshift|dbt|etl|data warehous\w*|relational databases?|database queries|query optimi[sz]ation|data analysts?|analytics engineers?|business intelligence|bi analysts?|reporting analysts?)\b/i;

const PROGRAMMING_SIGN =
  /\b(javascript|typescript|node(\.js)?|python|java|kotlin|go(lang)?|rust|c\+\+|c#|\.net|ruby|php|scala|swift|software engineers?|developers?|programm\w+|backend|back-end|frontend|front-end|full[- ]stack|algorithms?|data structures?|data engineers?)\b/i;

export function codingFocusOf(text: string): CodingFocus {
  return {
    topics: TOPIC_SIGNS.filter(([, sign]) => sign.test(text)).map(([topic]) => topic),
    sql: SQL_SIGN.test(text),
    programming: PROGRAMMING_SIGN.test(text),
  };
}
