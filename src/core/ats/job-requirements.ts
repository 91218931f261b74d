/**
 * What a job description asks for beyond skills: years of experience and a degree. Heuristic,
 * and it prefers saying nothing to inventing a requirement the text does not state.
 */

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const COUNT = String.raw`(\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
// "5+ years", "3-5 years", "at least three years", "minimum of 4 yrs"
const YEARS = new RegExp(String.raw`\b${COUNT}\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*${COUNT}\s*\+?\s*)?(?:years?|yrs?)\b(?:\s*\+)?`, 'gi');
/** The years must be about experience, not the company's age or a contract length. */
const EXPERIENCE_CONTEXT =
  /\b(?:experience|experienced|exp\b|professional(?:ly)?|industry|hands[\s-]on|working\s+(?:with|in|on)|track\s+record|background|building|developing|writing|using|in\s+(?:a|the)\s+(?:similar|relevant)|of\s+(?:software|backend|frontend|engineering|development|programming))/i;
const NOT_A_REQUIREMENT =
  /\b(?:founded|been\s+around|in\s+business|company\s+(?:is|has)|we(?:'ve|\s+have)\s+been|contract|warranty|vesting|vest|parental|leave|old|age|anniversary)\b/i;
const PREFERRED =
  /\b(?:nice[\s-]to[\s-]have|a\s+(?:big\s+|huge\s+|real\s+)?plus|bonus|preferred|preferably|ideally|desirable|not\s+required|advantageous)\b/i;

function toNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? NaN);
}

/** Splits into sentences and list items, which is where a requirement lives. */
function clauses(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?;])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The years of experience a job description asks for: the largest stated requirement (a job
 * asking for "3+ years of Python and 5+ years of backend work" wants 5), ignoring sentences that
 * only wish for it ("ideally 8 years"). A range counts by its lower end. Null when it does not say.
 */
export function extractRequiredYears(text: string): number | null {
  let best: number | null = null;
  for (const clause of clauses(text)) {
    if (!EXPERIENCE_CONTEXT.test(clause) || NOT_A_REQUIREMENT.test(clause) || PREFERRED.test(clause)) continue;
    YEARS.lastIndex = 0;
    for (let hit = YEARS.exec(clause); hit !== null; hit = YEARS.exec(clause)) {
      const years = toNumber(hit[1]!);
      if (!Number.isFinite(years) || years <= 0 || years > 30) continue;
      best = best === null ? years : Math.max(best, years);
    }
  }
  return best;
}

/** 0 none, 1 associate, 2 bachelor's, 3 master's, 4 doctorate. */
export type DegreeLevel = 0 | 1 | 2 | 3 | 4;
export const DEGREE_NAMES: Record<DegreeLevel, string> = {
  0: 'no degree',
  1: 'an associate degree',
  2: "a bachelor's degree",
  3: "a master's degree",
  4: 'a doctorate',
};

// Abbreviations are matched with their usual casing so "MS" (Microsoft) or "BA" in running
// prose need a degree-like neighbour; the long forms match in any case.
const DOCTORATE = /\b(?:ph\.?\s?d\.?|doctorate|doctoral|d\.phil)(?![\w])/i;
const MASTER =
  /\b(?:master'?s?|masters)\b|\b(?:M\.?Sc|M\.?Eng|MBA|M\.?Tech|M\.?S\.?(?=\s+(?:in|of)\b)|M\.?A\.?(?=\s+(?:in|of)\b)|MS(?=\s*\/))\b/;
const MASTER_LOWER = /\bmaster'?s?\b|\bmasters\b/i;
const BACHELOR = /\bbachelor'?s?\b|\bundergraduate\s+degree\b|\b(?:university|college|four[\s-]year|4[\s-]year)\s+degree\b/i;
const BACHELOR_ABBR = /\b(?:B\.?Sc|B\.?Eng|B\.?Tech|B\.?A\.?(?=\s+(?:in|of)\b)|B\.?S\.?(?=\s+(?:in|of)\b)|BS(?=\s*\/\s*MS))\b/;
const ASSOCIATE = /\bassociate'?s?\s+degree\b/i;
/** "A degree in Computer Science or a related field": a bachelor's unless it says otherwise. */
const GENERIC_DEGREE = /\b(?:degree|diploma)\s+(?:in|of)\b|\b(?:relevant|related|technical|stem|cs)\s+degree\b/i;
const EQUIVALENT =
  /\bor\s+(?:an?\s+)?(?:equivalent|comparable|relevant)\s+(?:practical\s+|professional\s+|work\s+|industry\s+)?(?:experience|training)|\bequivalent\s+(?:practical\s+|professional\s+|work\s+)?experience\b|\bor\s+equivalent\b/i;

export interface DegreeRequirement {
  level: DegreeLevel;
  /** Only wished for ("a Master's is a plus"). */
  preferred: boolean;
  /** "… or equivalent experience": experience can stand in for it. */
  equivalentExperience: boolean;
}

function levelIn(text: string): DegreeLevel {
  if (DOCTORATE.test(text)) return 4;
  if (MASTER.test(text) || MASTER_LOWER.test(text)) return 3;
  if (BACHELOR.test(text) || BACHELOR_ABBR.test(text)) return 2;
  if (ASSOCIATE.test(text)) return 1;
  if (GENERIC_DEGREE.test(text)) return 2;
  return 0;
}

/**
 * The degree a job description asks for. When it names several ("BS/MS in Computer Science"), the
 * lowest required one is the bar and a higher one only a wish. Null when it asks for none.
 */
export function extractDegreeRequirement(text: string): DegreeRequirement | null {
  let required: DegreeLevel | null = null;
  let preferred: DegreeLevel | null = null;
  let equivalentExperience = false;
  for (const clause of clauses(text)) {
    if (!/degree|bachelor|master|ph\.?\s?d|doctor|\bB\.?S|\bM\.?S|\bB\.?A\b|\bMBA\b|diploma/i.test(clause)) continue;
    const level = lowestLevelIn(clause);
    if (level === 0) continue;
    if (EQUIVALENT.test(clause)) equivalentExperience = true;
    if (PREFERRED.test(clause)) preferred = preferred === null ? level : (Math.max(preferred, level) as DegreeLevel);
    else required = required === null ? level : (Math.min(required, level) as DegreeLevel);
  }
  if (required !== null) return { level: required, preferred: false, equivalentExperience };
  if (preferred !== null) return { level: preferred, preferred: true, equivalentExperience };
  return null;
}

/** "BS/MS" or "Bachelor's or Master's": the lowest one named is what is needed. */
function lowestLevelIn(clause: string): DegreeLevel {
  const levels: DegreeLevel[] = [];
  if (ASSOCIATE.test(clause)) levels.push(1);
  if (BACHELOR.test(clause) || BACHELOR_ABBR.test(clause)) levels.push(2);
  if (MASTER.test(clause) || MASTER_LOWER.test(clause)) levels.push(3);
  if (DOCTORATE.test(clause)) levels.push(4);
  if (levels.length === 0) return levelIn(clause);
  return Math.min(...levels) as DegreeLevel;
}

const SHORT_BACHELOR =
  /^\s*(?:B\.?\s?S\.?|B\.?\s?A\.?|B\.?\s?Sc\.?|B\.?\s?Eng\.?|B\.?\s?Tech\.?|BBA|A\.?B\.?|S\.?B\.?|Licenciatura|Licence|Laurea|Diplom-?\w*|Bachelor\w*)\b/i;
const SHORT_MASTER =
  /^\s*(?:M\.?\s?S\.?|M\.?\s?A\.?|M\.?\s?Sc\.?|M\.?\s?Eng\.?|M\.?\s?Tech\.?|MBA|M\.?\s?Phil\.?|S\.?M\.?|Master\w*|MSc)\b/i;
const SCHOOL_ONLY = /\b(?:high\s+school|secondary\s+school|ged|a[\s-]levels?|baccalaur[ée]at|abitur)\b/i;

/**
 * The level of one degree as a resume writes it ("BSc Computer Science", "M.S. in Statistics",
 * "Ph.D."). A degree the patterns do not know, earned at a university or college, counts as a
 * bachelor's: that is what most such lines are.
 */
export function degreeLevelOf(degree: string, institution = ''): DegreeLevel {
  if (DOCTORATE.test(degree)) return 4;
  if (SHORT_MASTER.test(degree) || MASTER_LOWER.test(degree) || MASTER.test(degree)) return 3;
  if (SHORT_BACHELOR.test(degree) || BACHELOR.test(degree) || BACHELOR_ABBR.test(degree)) return 2;
  if (ASSOCIATE.test(degree) || /^\s*A\.?\s?A\.?\s?S?\.?\b/.test(degree)) return 1;
  if (SCHOOL_ONLY.test(degree)) return 0;
  if (/\b(?:university|college|institute|polytechnic|école|universit)/i.test(`${degree} ${institution}`)) return 2;
  return degree.trim().length > 0 ? 1 : 0;
}
