/**
 * Word lists that tell a job title from an organisation name in a job or school header line.
 * Shared by the position and education readers.
 */

/** The head noun of a job title ("Senior Software *Engineer*", "*Director* of Nursing"). */
const TITLE_HEADS = new Set([
  'engineer',
  'developer',
  'programmer',
  'architect',
  'manager',
  'lead',
  'analyst',
  'scientist',
  'designer',
  'consultant',
  'intern',
  'internship',
  'administrator',
  'admin',
  'specialist',
  'director',
  'officer',
  'tester',
  'researcher',
  'technician',
  'technologist',
  'coordinator',
  'owner',
  'strategist',
  'writer',
  'founder',
  'co-founder',
  'cofounder',
  'cto',
  'cio',
  'ceo',
  'cfo',
  'coo',
  'vp',
  'svp',
  'evp',
  'president',
  'sre',
  'devops',
  'trainee',
  'apprentice',
  'contractor',
  'freelancer',
  'partner',
  'teacher',
  'tutor',
  'instructor',
  'professor',
  'lecturer',
  'educator',
  'nurse',
  'rn',
  'lpn',
  'cna',
  'practitioner',
  'physician',
  'doctor',
  'surgeon',
  'therapist',
  'pharmacist',
  'assistant',
  'associate',
  'representative',
  'rep',
  'executive',
  'accountant',
  'auditor',
  'clerk',
  'cashier',
  'barista',
  'server',
  'supervisor',
  'advisor',
  'adviser',
  'counselor',
  'counsellor',
  'recruiter',
  'editor',
  'illustrator',
  'artist',
  'photographer',
  'producer',
  'marketer',
  'planner',
  'buyer',
  'agent',
  'electrician',
  'mechanic',
  'operator',
  'driver',
  'chef',
  'cook',
  'paralegal',
  'attorney',
  'lawyer',
  'librarian',
  'aide',
  'paraprofessional',
  'fellow',
  'volunteer',
  'secretary',
  'receptionist',
  'bookkeeper',
  'controller',
  'treasurer',
  'economist',
  'statistician',
  'biologist',
  'chemist',
  'dentist',
  'hygienist',
  'paramedic',
  'emt',
  'midwife',
  'caregiver',
  'sonographer',
  'radiographer',
  'dietitian',
  'nutritionist',
  'coach',
  'trainer',
  'author',
  'journalist',
  'reporter',
  'copywriter',
  'translator',
  'interpreter',
  'head',
  'chief',
  'principal',
  'dean',
  'superintendent',
  'foreman',
  'inspector',
  'estimator',
  'surveyor',
  'draftsman',
  'drafter',
  'machinist',
  'welder',
  'carpenter',
  'plumber',
  'installer',
  'dispatcher',
  'scheduler',
  'generalist',
  'partner',
  'expert',
  'evangelist',
  'advocate',
  'liaison',
  'steward',
  'host',
  'hostess',
  'bartender',
  'waiter',
  'waitress',
  'housekeeper',
  'janitor',
  'custodian',
  'guard',
  'clinician',
  'psychologist',
  'social worker',
  'worker',
  'member',
  'crew',
  'staff',
  'maintainer',
  'contributor',
  'animator',
  'modeler',
  'modeller',
  'merchandiser',
  'stylist',
  'optician',
  'veterinarian',
  'vet',
  'scrum master',
  'graduate',
  'resident',
  'leader',
  'physiotherapist',
  'physio',
  'paralegal',
  'nanny',
  'tutor',
  'pilot',
  'attendant',
  'porter',
  'courier',
  'manager',
  'handler',
  'picker',
  'packer',
  'loader',
]);
const TITLE_LEVELS =
  /^(?:senior|sr\.?|junior|jr\.?|lead|staff|principal|head|chief|assistant|associate|deputy|interim|acting|senior|executive|graduate|entry-level|mid-level|i{1,3}|iv|[1-5])$/i;

/** Words that end (or open) an organisation's name. */
const ORG_WORDS =
  /\b(?:inc|incorporated|llc|llp|ltd|limited|plc|gmbh|ag|sa|corp|corporation|company|co|group|hospital|hospitals|clinic|clinics|medical|health|healthcare|school|schools|academy|university|college|institute|bank|agency|studio|studios|labs?|partners|associates|foundation|systems|technologies|technology|tech|solutions|consulting|consultants|district|council|center|centre|services|software|media|games|capital|ventures|industries|enterprises|holdings|networks|analytics|logistics|pharmacy|restaurant|cafe|café|bistro|store|stores|market|markets|bakery|insurance|realty|architects|digital|robotics|energy|motors|airlines|airways|hotel|hotels|resort|club|church|library|museum|press|publishing|department|ministry|authority|government|county|municipality|trust|charity|nonprofit|cooperative|co-op|collective|works|factory|manufacturing|builders|construction|electric|dynamics|therapeutics|biosciences|pharma|pharmaceuticals|financial|finance|credit union|brewing|foods|retail|outfitters|apparel|magazine|news|radio|television|tv|records|films|pictures|productions|theatre|theater|orchestra|gallery|kitchen|dental|care|nursing home|home|homes|senior living|university of|city of|state of)\b\.?/i;

/** Nouns of a profession by their ending: physiotherapist, dietician, radiographer, cardiologist. */
const PROFESSION_SUFFIX = /^[a-z]{4,}(?:ist|ician|ologist|grapher|ographer)$/;

/** A capital, a digit, or a lower-case prefix before a capital ("iOS Developer", "eBay"). */
const STARTS_LIKE_A_NAME = /^(?:[\p{Lu}\d]|\p{Ll}{1,3}\p{Lu})/u;

export function titleScore(segment: string): number {
  const s = segment.trim();
  if (s.length === 0) return -10;
  const words = s.split(/\s+/);
  if (words.length > 8) return -3;
  const lowered = words.map((w) => w.toLowerCase().replace(/[(),.:;]/g, ''));
  let score = 0;
  // "Account Executive", "Teaching Assistant": a level word can be the head noun itself.
  const final = lowered.at(-1) ?? '';
  const last = TITLE_HEADS.has(final) ? final : (lowered.filter((w) => !TITLE_LEVELS.test(w)).at(-1) ?? '');
  const ofAt = lowered.findIndex((w) => w === 'of' || w === 'for');
  const beforeOf = ofAt > 0 ? lowered[ofAt - 1]! : '';
  const pairs = lowered.slice(0, -1).map((w, i) => `${w} ${lowered[i + 1]}`);
  if (TITLE_HEADS.has(last) || TITLE_HEADS.has(beforeOf) || pairs.some((p) => TITLE_HEADS.has(p)) || PROFESSION_SUFFIX.test(last))
    score += 3;
  else if (lowered.some((w) => TITLE_HEADS.has(w) && w !== 'head' && w !== 'principal' && w !== 'staff')) score += 1;
  if (lowered.some((w) => TITLE_LEVELS.test(w))) score += 1;
  if (ORG_WORDS.test(s) && !(TITLE_HEADS.has(last) && score >= 3)) score -= 3;
  if (!STARTS_LIKE_A_NAME.test(s)) score -= 2;
  return score;
}

export function organisationScore(segment: string): number {
  const s = segment.trim();
  if (s.length === 0) return -10;
  const words = s.split(/\s+/);
  let score = 0;
  if (ORG_WORDS.test(s)) score += 3;
  if (titleScore(s) >= 3) score -= 4;
  if (STARTS_LIKE_A_NAME.test(s)) score += 1;
  const lowerWords = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:of|and|the|for|&|de|la|du|der|und|y|at|in|on)$/.test(w));
  score -= lowerWords.length;
  if (words.length > 7) score -= 2;
  return score;
}

export function looksLikeOrganisationWord(segment: string): boolean {
  return ORG_WORDS.test(segment);
}
