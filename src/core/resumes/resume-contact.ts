import type { ResumeLink } from '../../contract/resumes.js';
import { classifyHeading, type SectionedLine } from './resume-sections.js';
import { charIn, trimEdges } from './trim-edges.js';

const EMAIL = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?![\w-])/g;
/**
 * "jane [at] example [dot] com", a spelling people use to dodge scrapers. Found from the "[at]"
 * outwards: a pattern that starts at the name would retry over every run of name characters.
 */
const SPELLED_AT = /[[(]\s*at\s*[\])]\s*/gi;
const SPELLED_DOMAIN = /[A-Za-z0-9-]+(?:\s*[[(]\s*dot\s*[\])]\s*[A-Za-z0-9-]+)+\b/iy;
const SPELLED_LOCAL = /(?:^|[^A-Za-z0-9._%+-])[._%+-]*([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})$/;
/** Longer than any mailbox name (64 characters). */
const MAX_LOCAL_PART = 64;

export function findEmail(text: string): string | null {
  EMAIL.lastIndex = 0;
  const m = EMAIL.exec(text);
  if (m) return m[0].replace(/\.$/, '');
  SPELLED_AT.lastIndex = 0;
  for (let at = SPELLED_AT.exec(text); at !== null; at = SPELLED_AT.exec(text)) {
    const local = SPELLED_LOCAL.exec(text.slice(Math.max(0, at.index - MAX_LOCAL_PART - 8), at.index).trimEnd());
    SPELLED_DOMAIN.lastIndex = at.index + at[0].length;
    const domain = SPELLED_DOMAIN.exec(text);
    if (local && domain) return `${local[1]}@${domain[0].replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.')}`;
  }
  return null;
}

// A phone: optional country code, then groups of digits split by spaces, dots, dashes or a
// bracketed area code, optionally an extension. Validated by digit count afterwards.
const PHONE =
  /(?<![\w/.-])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(0\)\s?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{4,}\d(?:\s*(?:ext\.?|extension|x|#)\s*\d{1,6})?(?![\w/])/gi;
const PHONE_LABEL = /\b(?:phone|tel(?:ephone)?|mobile|mob|cell|contact|call|ph|whatsapp)\b\.?\s*:?\s*$/i;
/** Enough of the text before a number to see its label ("Telephone: ", "📞 "). */
const LABEL_WINDOW = 24;
const isPhoneTail = charIn(/[\s.-]/);

export function findPhone(lines: readonly SectionedLine[]): string | null {
  let fallback: string | null = null;
  for (const line of lines) {
    if (line.heading) continue;
    PHONE.lastIndex = 0;
    for (let m = PHONE.exec(line.text); m !== null; m = PHONE.exec(line.text)) {
      const candidate = trimEdges(m[0].trim(), () => false, isPhoneTail);
      if (!isPhone(candidate)) continue;
      const before = line.text.slice(Math.max(0, m.index - LABEL_WINDOW), m.index);
      const labelled = PHONE_LABEL.test(before) || /[☎📞✆]\s*$/u.test(before);
      if (line.section === 'contact' || labelled) return candidate;
      fallback ??= candidate;
    }
  }
  return fallback;
}

function isPhone(candidate: string): boolean {
  const main = candidate.replace(/\s*(?:ext\.?|extension|x|#)\s*\d+$/i, '');
  const digits = main.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  // Date ranges and years written like numbers: "2019 - 2021", "03.2019 - 06.2021", "2018 2020".
  if (/^(?:(?:0?[1-9]|1[0-2])[/.])?(?:19|20)\d\d\s*[-–]\s*(?:(?:0?[1-9]|1[0-2])[/.])?(?:19|20)\d\d$/.test(main)) return false;
  if (/^(?:19|20)\d\d(?:\s+(?:19|20)\d\d)+$/.test(main)) return false;
  // A run of digits without separators or a plus is an ID, not a phone ("12345678").
  if (!/[\s.()-]/.test(main) && !main.startsWith('+') && digits.length !== 10) return false;
  return true;
}

const URL_TEXT =
  /(?:https?:\/\/|www\.)[^\s,;|<>"')\]]+|(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:com|dev|io|net|org|me|co|app|design|page|site|tech|info|xyz|ai|studio|blog|art|photography|portfolio|codes|cloud|ca|uk|de|fr|in|au|nz|es|it|nl|se|br)(?:\/[^\s,;|<>"')\]]*)?(?![\w@-])/gi;

const isLinkTail = charIn(/[.,:;!?]/);

export function findLinks(text: string): ResumeLink[] {
  const links: ResumeLink[] = [];
  const emails = new Set((text.match(EMAIL) ?? []).map((e) => e.split('@')[1]!.toLowerCase()));
  URL_TEXT.lastIndex = 0;
  for (let m = URL_TEXT.exec(text); m !== null; m = URL_TEXT.exec(text)) {
    const raw = trimEdges(m[0], () => false, isLinkTail);
    const bare = raw.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
    const host = bare.split('/')[0]!.toLowerCase();
    // The domain of the candidate's own email, alone, is not a link they gave; neither is a
    // dotted word such as "Node.js" or "ASP.NET".
    if (emails.has(host) && !bare.includes('/')) continue;
    if (
      !/^https?:\/\//i.test(raw) &&
      !/^www\./i.test(raw) &&
      !bare.includes('/') &&
      /^(?:node|next|vue|nuxt|ember|three|d3|socket|asp|chart|react|express)\./i.test(host)
    )
      continue;
    const url = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
    const kind: ResumeLink['kind'] = /(^|\.)linkedin\.com$/.test(host)
      ? 'linkedin'
      : /(^|\.)github\.com$/.test(host)
        ? 'github'
        : /(^|\.)(?:twitter|x|facebook|instagram|youtube|medium|stackoverflow|t)\.(?:com|co)$/.test(host)
          ? 'other'
          : 'website';
    if (links.some((l) => l.url.toLowerCase() === url.toLowerCase())) continue;
    links.push({ kind, url: url.slice(0, 500) });
    if (links.length >= 20) break;
  }
  return links;
}

/** Words that make a top line something other than a name. */
const NOT_A_NAME =
  /\b(?:resume|résumé|curriculum|vitae|cv|page|street|st\.|road|avenue|ave|suite|apt|remote|email|phone|mobile|linkedin|github|portfolio|references|objective|summary|profile|engineer|developer|designer|manager|nurse|teacher|analyst|scientist|consultant|specialist|director|coordinator|representative|assistant|associate|accountant|architect|technician|administrator|officer|intern|student|graduate|candidate|experience|years|skills|inc|llc|ltd|university|college|school)\b/i;
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'der',
  'van',
  'von',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'bin',
  'binti',
  'al',
  'el',
  'ten',
  'ter',
  'y',
  'e',
]);
const NAME_SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|phd|ph\.d\.|md|rn|bsn|msn|cpa|pmp|mba)$/i;

/**
 * The candidate's name: the first of the top lines that reads like a person's name (two to five
 * capitalized words, no digits, no contact details, not a heading or a job title). A name in
 * capitals is given in title case.
 */
export function findName(lines: readonly SectionedLine[]): string | null {
  const top = lines.filter((l) => l.text.trim().length > 0).slice(0, 8);
  for (const line of top) {
    if (line.heading) {
      if (line.section !== 'contact') break;
      continue;
    }
    const labelled = /^\s*(?:full\s+)?name\s*:\s*(.+)$/i.exec(line.text);
    const first = labelled ? labelled[1]! : line.text.split(/\t|\s[|•·–—]\s|\s-\s|,\s|\s{2,}/)[0]!;
    const name = cleanName(first);
    if (name) return name;
  }
  return null;
}

function cleanName(candidate: string): string | null {
  const text = candidate
    .trim()
    .replace(/^[•*#\s]+/, '')
    .replace(/\s+/g, ' ');
  if (text.length < 3 || text.length > 60) return null;
  if (/[@\d/\\:()]|https?|www\./i.test(text) || classifyHeading(text) || NOT_A_NAME.test(text)) return null;
  const words = text.split(' ');
  while (words.length > 1 && NAME_SUFFIX.test(words.at(-1)!.replace(/,$/, ''))) words.pop();
  while (words.length > 2 && /^(?:dr|mr|mrs|ms|mx|prof|sir|dame)\.?$/i.test(words[0]!)) words.shift();
  if (words.length < 2 || words.length > 5) return null;
  const ok = words.every((w) => NAME_PARTICLES.has(w.toLowerCase()) || /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u.test(w));
  if (!ok) return null;
  const name = words.join(' ').replace(/,$/, '');
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 4 && letters === letters.toUpperCase()) return toTitleCase(name);
  return name;
}

function toTitleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\b(Ii|Iii|Iv)\b/g, (m) => m.toUpperCase());
}

const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const CA_PROVINCES = 'AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT';
const COUNTRIES = [
  'USA',
  'U\\.S\\.A?\\.?',
  'United States',
  'UK',
  'U\\.K\\.',
  'United Kingdom',
  'England',
  'Scotland',
  'Wales',
  'Ireland',
  'Canada',
  'Mexico',
  'Brazil',
  'Argentina',
  'Chile',
  'Colombia',
  'Peru',
  'Germany',
  'France',
  'Spain',
  'Portugal',
  'Italy',
  'Netherlands',
  'Belgium',
  'Switzerland',
  'Austria',
  'Sweden',
  'Norway',
  'Denmark',
  'Finland',
  'Poland',
  'Czechia',
  'Czech Republic',
  'Hungary',
  'Romania',
  'Greece',
  'Turkey',
  'Türkiye',
  'Ukraine',
  'Israel',
  'Egypt',
  'Nigeria',
  'Kenya',
  'Ghana',
  'South Africa',
  'Morocco',
  'India',
  'Pakistan',
  'Bangladesh',
  'Sri Lanka',
  'Nepal',
  'China',
  'Hong Kong',
  'Taiwan',
  'Japan',
  'South Korea',
  'Korea',
  'Singapore',
  'Malaysia',
  'Indonesia',
  'Thailand',
  'Vietnam',
  'Philippines',
  'Australia',
  'New Zealand',
  'UAE',
  'United Arab Emirates',
  'Saudi Arabia',
  'Qatar',
  'Estonia',
  'Latvia',
  'Lithuania',
  'Iceland',
  'Luxembourg',
  'Serbia',
  'Croatia',
  'Slovenia',
  'Slovakia',
  'Bulgaria',
].join('|');
// A place name is a few words ("Santa Cruz de la Sierra") of bounded length, and a hyphen joins
// words inside one ("Winston-Salem", "Stratford-upon-Avon"): a separator that could also be read
// as part of a word, or unbounded repeats, make the regex backtrack exponentially on a long line
// of capitalised words.
const PLACE_WORD = String.raw`\p{Lu}[\p{L}.'’-]{0,40}`;
const PARTICLE = '(?:de|do|da|del|la|upon|on|am|sur)';
const PLACE = String.raw`${PLACE_WORD}(?: (?:${PLACE_WORD}|${PARTICLE}(?:-${PARTICLE})*(?:-${PLACE_WORD})?)){0,5}`;
const LOCATION = new RegExp(
  String.raw`(?<![\p{L}])(?<![\p{L}][.'’-])(${PLACE}),\s*(?:(?:${US_STATES}|${CA_PROVINCES})(?![\p{L}])(?:\s+\d{5}(?:-\d{4})?)?|(?:${PLACE},\s*)?(?:${COUNTRIES})(?![\p{L}]))`,
  'gu',
);

const LOCATION_AT_START = new RegExp(LOCATION.source, 'uy');

/** "City, ST", "City, Country" or "City, Region, Country" near the top, or after a "Location:" label. */
export function findLocation(lines: readonly SectionedLine[]): string | null {
  const candidates = lines.filter((l) => l.section === 'contact' && !l.heading).slice(0, 10);
  for (const line of candidates) {
    const labelled = /\b(?:location|address|based\s+in|lives\s+in)\s*:?\s*([^|•\t]+)/i.exec(line.text);
    const source = labelled ? labelled[1]! : line.text;
    LOCATION.lastIndex = 0;
    const m = LOCATION.exec(source);
    if (m) return m[0].replace(/\s+\d{5}(?:-\d{4})?$/, '').trim();
    if (labelled && labelled[1]!.trim().length > 1 && labelled[1]!.trim().length < 60) return labelled[1]!.trim();
  }
  return null;
}

/** A place written on a job or school line ("Portland, OR", "Remote"), so it is not taken for an employer. */
export function isLocation(text: string): boolean {
  const t = text.trim().replace(/[()]/g, '');
  if (/^(?:remote|hybrid|on-?site|onsite|various\s+locations|multiple\s+locations)(?:\s*[-–(/,].*)?$/i.test(t)) return true;
  LOCATION_AT_START.lastIndex = 0;
  const m = LOCATION_AT_START.exec(t);
  return m !== null && m[0].length >= t.length - 1;
}
