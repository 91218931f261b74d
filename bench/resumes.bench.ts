/**
 * Quality and speed of resume reading over the labelled set in test/fixtures/resumes:
 * per-field precision / recall / F1 (skills, email, phone, name, positions, education), years of
 * experience within one year, and time per file (p50/p95, two-page PDFs separately). Also the
 * time for texts far larger than a resume (the reader reads only their start): 2 MB of resumes,
 * 10 MB of one letter and 2 MB of random words, as plain-text uploads.
 *
 * The second set (test/fixtures/resumes/outside, layouts the parser was not written for) and its
 * job descriptions are scored apart: skills, contacts and positions, words that are not skills
 * (headings, table headers, labels, places, contacts), OCR time for the one-page scan, and for
 * the job descriptions the skills found and the keywords that are function words or fragments.
 *
 *   npm run bench:resumes [-- --rounds 20] [--verbose] [--json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importantJobTerms } from '../src/core/ats/job-keywords.js';
import { findSkillMentions } from '../src/core/skills/extract-skills.js';
import { extractJobSkills } from '../src/core/skills/job-skills.js';
import { createWinkTextAnalyzer } from '../src/server/ai/wink-text-analyzer.js';
import { stopOcrEngine } from '../src/server/resumes/reading/ocr-pdf.js';
import { readResume, sniffResumeType, type ResumeReading } from '../src/server/resumes/reading/read-resume.js';
import {
  FIXTURES_DIR,
  loadResumeFixtures,
  metrics,
  scoreReading,
  type Counts,
  type FixtureScore,
  type ResumeFixture,
} from '../src/server/testing/resume-fixtures.js';
import { TEXT_TYPE } from '../src/server/resumes/reading/sniff-resume-type.js';
import { loadSkillsTaxonomy } from '../src/server/skills/skills-taxonomy.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    verbose: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const rounds = Math.max(1, Number(values.rounds));

const taxonomy = await loadSkillsTaxonomy();
const fixtures = loadResumeFixtures();

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function read(file: Buffer, asOf: string): Promise<ResumeReading> {
  const type = sniffResumeType(file);
  if (!type) throw new Error('a fixture was not recognised');
  return readResume(file, type, taxonomy, { now: new Date(`${asOf}T00:00:00Z`), ocr: true });
}

/** CPU milliseconds of this process: unlike wall time, not inflated when the machine is busy. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

// Cold start: the first PDF loads pdf.js and compiles the skill matchers.
const coldStart = performance.now();
const coldCpuStart = cpuMs();
await read(fixtures.find((f) => f.expected.file.endsWith('.pdf'))!.file, '2025-06-01');
const coldMs = performance.now() - coldStart;
const coldCpuMs = cpuMs() - coldCpuStart;

const scores: FixtureScore[] = [];
const times: { file: string; kind: string; pages: number; ms: number[]; cpu: number[] }[] = [];
let noTextRight = 0;
let noTextTotal = 0;
for (const { expected, file } of fixtures) {
  const reading = await read(file, expected.asOf);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const t0 = performance.now();
    const c0 = cpuMs();
    await read(file, expected.asOf);
    ms.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  times.push({ file: expected.file, kind: expected.file.split('.').at(-1)!, pages: reading.pages ?? 1, ms, cpu });
  if (expected.status === 'no_text') {
    noTextTotal += 1;
    if (reading.status === 'no_text' && reading.flags.noTextLayer === expected.flags.noTextLayer) noTextRight += 1;
    continue;
  }
  const score = scoreReading(expected, reading);
  scores.push(score);
  if (values.verbose) {
    const problems: string[] = [];
    if (!score.name) problems.push(`name: ${reading.parsed.name} ≠ ${expected.name}`);
    if (score.email.correct < score.email.expected) problems.push(`email: ${reading.parsed.email}`);
    if (score.phone.correct < score.phone.expected) problems.push(`phone: ${reading.parsed.phone} ≠ ${expected.phone}`);
    if (score.skills.missing.length > 0) problems.push(`skills missing: ${score.skills.missing.join(', ')}`);
    if (score.skills.extra.length > 0) problems.push(`skills extra: ${score.skills.extra.join(', ')}`);
    if (score.yearsWithinOne === false) problems.push(`years: ${reading.parsed.yearsOfExperience} ≠ ${expected.yearsOfExperience}`);
    for (const p of score.positions.missing) problems.push(`position missing: ${JSON.stringify(p)}`);
    for (const p of score.positions.extra) problems.push(`position extra: ${JSON.stringify(p)}`);
    for (const e of score.education.missing) problems.push(`education missing: ${JSON.stringify(e)}`);
    for (const e of score.education.extra) problems.push(`education extra: ${JSON.stringify(e)}`);
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${expected.file}`);
    for (const p of problems) console.log(`       ${p}`);
  }
}

// Far more text than a resume: parsing must stay linear, and only the start is read.
const resumeText = fixtures
  .filter((f) => f.expected.file.endsWith('.txt'))
  .map((f) => f.file.toString('utf8'))
  .join('\n\n');
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
function randomWords(size: number): string {
  const words = resumeText.split(/\s+/).filter(Boolean);
  let seed = 42;
  const out: string[] = [];
  for (let length = 0; length < size;) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const word = words[seed % words.length]!;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}
const largeTexts = [
  { name: '2 MB resumes', file: Buffer.from(fill(`${resumeText}\n\n`, 2_000_000), 'utf8') },
  { name: '10 MB one letter', file: Buffer.from('a'.repeat(10_000_000), 'utf8') },
  { name: '2 MB random words', file: Buffer.from(randomWords(2_000_000), 'utf8') },
];
const largeRounds = Math.min(rounds, 5);
const large: { name: string; megabytes: number; readChars: number; p50: number; cpuP50: number }[] = [];
for (const { name, file } of largeTexts) {
  const ms: number[] = [];
  const cpu: number[] = [];
  let readChars = 0;
  for (let r = 0; r < largeRounds; r += 1) {
    const t0 = performance.now();
    const c0 = cpuMs();
    const reading = await readResume(file, TEXT_TYPE, taxonomy, { now: new Date('2025-06-01T00:00:00Z') });
    ms.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
    readChars = reading.trustedText.length;
  }
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  large.push({ name, megabytes: file.length / 1e6, readChars, p50: percentile(sorted(ms), 50), cpuP50: percentile(sorted(cpu), 50) });
}

const years = scores.filter((s) => s.yearsWithinOne !== null);
const fields = {
  email: metrics(scores.map((s) => s.email)),
  phone: metrics(scores.map((s) => s.phone)),
  skills: metrics(scores.map((s) => s.skills)),
  positions: metrics(scores.map((s) => s.positions)),
  education: metrics(scores.map((s) => s.education)),
  name: { accuracy: scores.filter((s) => s.name).length / scores.length },
  yearsWithinOneYear: { share: years.filter((s) => s.yearsWithinOne).length / years.length, resumes: years.length },
};
const timing = (select: (t: (typeof times)[number]) => boolean) => {
  const all = times
    .filter(select)
    .flatMap((t) => t.ms)
    .sort((a, b) => a - b);
  const cpu = times
    .filter(select)
    .flatMap((t) => t.cpu)
    .sort((a, b) => a - b);
  return {
    files: times.filter(select).length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
  };
};
const speed = {
  coldStartMs: coldMs,
  coldStartCpuMs: coldCpuMs,
  all: timing(() => true),
  pdf: timing((t) => t.kind === 'pdf'),
  twoPagePdf: timing((t) => t.kind === 'pdf' && t.pages === 2),
  docx: timing((t) => t.kind === 'docx'),
  txt: timing((t) => t.kind === 'txt'),
  largeText: large,
};

if (values.json) {
  console.log(JSON.stringify({ resumes: scores.length, noText: { right: noTextRight, total: noTextTotal }, fields, speed }, null, 2));
} else {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  console.log(`\nResume reading over ${scores.length} labelled resumes (+ ${noTextTotal} without text, ${noTextRight} recognised)\n`);
  console.log('field       precision  recall   F1');
  for (const [name, m] of Object.entries({
    email: fields.email,
    phone: fields.phone,
    skills: fields.skills,
    positions: fields.positions,
    education: fields.education,
  })) {
    console.log(`${name.padEnd(11)} ${pct(m.precision).padStart(9)}  ${pct(m.recall).padStart(6)}  ${m.f1.toFixed(3)}`);
  }
  console.log(`name        ${pct(fields.name.accuracy)} exact`);
  console.log(`years       ${pct(fields.yearsWithinOneYear.share)} within one year (${fields.yearsWithinOneYear.resumes} resumes)`);
  const load = (await import('node:os')).loadavg()[0]!;
  console.log(
    `\ntime per file, ${rounds} warm rounds each (load average ${load.toFixed(1)}; cold start ${speed.coldStartMs.toFixed(0)} ms wall, ${speed.coldStartCpuMs.toFixed(0)} ms CPU)`,
  );
  console.log('                         wall p50   wall p95    CPU p50    CPU p95');
  for (const [name, t] of Object.entries({
    all: speed.all,
    pdf: speed.pdf,
    'two-page pdf': speed.twoPagePdf,
    docx: speed.docx,
    txt: speed.txt,
  })) {
    const f = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
    console.log(`${name.padEnd(13)} ${String(t.files).padStart(2)} files ${f(t.p50)} ${f(t.p95)} ${f(t.cpuP50)} ${f(t.cpuP95)}`);
  }
  console.log(`\nlarge text as a TXT upload, ${largeRounds} rounds each (only the start is read)`);
  console.log('                         wall p50    CPU p50   chars read');
  for (const l of large) {
    console.log(
      `${l.name.padEnd(22)} ${`${l.p50.toFixed(0)} ms`.padStart(10)} ${`${l.cpuP50.toFixed(0)} ms`.padStart(10)} ${l.readChars.toLocaleString('en-US').padStart(12)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The outside set: scored apart, since the parser was not written for it.

const OUTSIDE_DIR = join(FIXTURES_DIR, 'outside');
const outside: ResumeFixture[] = loadResumeFixtures(OUTSIDE_DIR);
const outsideScores: FixtureScore[] = [];
const nonSkills: Counts = { correct: 0, predicted: 0, expected: 0 };
const ocrTimes: number[] = [];
let markedOcr = 0;
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9&+#]+/g, ' ')
    .trim();
for (const { expected, file } of outside) {
  const t0 = performance.now();
  const reading = await read(file, expected.asOf);
  const ms = performance.now() - t0;
  const ocr = (expected as { ocr?: boolean }).ocr === true;
  if (ocr) {
    ocrTimes.push(ms);
    if (reading.ocr) markedOcr += 1;
    // Twice more: the first call also starts the OCR engine.
    for (let r = 0; r < 2; r += 1) {
      const t1 = performance.now();
      await read(file, expected.asOf);
      ocrTimes.push(performance.now() - t1);
    }
  }
  const score = scoreReading(expected, reading);
  outsideScores.push(score);
  const forbidden = new Set(((expected as { mustNotHaveSkills?: string[] }).mustNotHaveSkills ?? []).map(fold));
  const wrong = reading.parsed.skills.filter((s) => forbidden.has(fold(s)));
  nonSkills.predicted += reading.parsed.skills.length;
  nonSkills.correct += wrong.length;
  if (values.verbose) {
    console.log(`\n${expected.file}${ocr ? ` (OCR ${ms.toFixed(0)} ms, confidence ${reading.ocr?.confidence ?? '–'})` : ''}`);
    console.log(`   email ${reading.parsed.email} phone ${reading.parsed.phone} location ${reading.parsed.location}`);
    if (score.skills.missing.length > 0) console.log(`   skills missing: ${score.skills.missing.join(', ')}`);
    if (score.skills.extra.length > 0) console.log(`   skills extra: ${score.skills.extra.join(', ')}`);
    if (wrong.length > 0) console.log(`   NOT SKILLS returned: ${wrong.join(', ')}`);
    for (const p of score.positions.missing) console.log(`   position missing: ${JSON.stringify(p)}`);
    for (const p of score.positions.extra) console.log(`   position extra: ${JSON.stringify(p)}`);
  }
}

interface JobLabels {
  file: string;
  skills: string[];
  mustNotHaveSkills: string[];
  mustNotBeKeywords: string[];
}
const analyzer = createWinkTextAnalyzer();
const jobCounts: Counts[] = [];
let jobNonSkills = 0;
let badKeywords = 0;
let keywordsOffered = 0;
const jobsDir = join(OUTSIDE_DIR, 'jobs');
for (const labelFile of readdirSync(jobsDir).filter((f) => f.endsWith('.expected.json'))) {
  const labels = JSON.parse(readFileSync(join(jobsDir, labelFile), 'utf8')) as JobLabels;
  const text = readFileSync(join(jobsDir, labels.file), 'utf8');
  const job = extractJobSkills(text, taxonomy);
  const found = [...job.required, ...job.niceToHave].map((s) => s.name);
  const want = new Set(labels.skills.map(fold));
  const correct = found.filter((f) => want.has(fold(f))).length;
  jobCounts.push({ correct, predicted: found.length, expected: labels.skills.length });
  const notSkills = found.filter((f) => labels.mustNotHaveSkills.map(fold).includes(fold(f)));
  jobNonSkills += notSkills.length;
  const terms = importantJobTerms(analyzer(text), findSkillMentions(text, taxonomy));
  keywordsOffered += terms.length;
  const bad = terms.filter((t) => labels.mustNotBeKeywords.includes(t.term) || labels.mustNotBeKeywords.includes(t.display));
  badKeywords += bad.length;
  if (values.verbose) {
    console.log(`\n${labels.file}: skills ${found.join(', ')}`);
    if (notSkills.length > 0) console.log(`   NOT SKILLS returned: ${notSkills.join(', ')}`);
    console.log(
      `   keywords ${terms.map((t) => t.display).join(', ')}${bad.length > 0 ? `  (bad: ${bad.map((t) => t.display).join(', ')})` : ''}`,
    );
  }
}

const outsideFields = {
  email: metrics(outsideScores.map((s) => s.email)),
  phone: metrics(outsideScores.map((s) => s.phone)),
  skills: metrics(outsideScores.map((s) => s.skills)),
  positions: metrics(outsideScores.map((s) => s.positions)),
  education: metrics(outsideScores.map((s) => s.education)),
  jobSkills: metrics(jobCounts),
};
await stopOcrEngine();
const sortedOcr = [...ocrTimes].sort((a, b) => a - b);
if (values.json) {
  console.log(
    JSON.stringify(
      {
        outside: {
          resumes: outsideScores.length,
          fields: outsideFields,
          nonSkillsReturned: nonSkills.correct,
          skillsReturned: nonSkills.predicted,
          ocr: { files: markedOcr, firstMs: ocrTimes[0], p50: percentile(sortedOcr, 50) },
          jobs: { nonSkillsReturned: jobNonSkills, badKeywords, keywordsOffered },
        },
      },
      null,
      2,
    ),
  );
} else {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  console.log(`\nOutside set: ${outsideScores.length} resumes in layouts the parser was not written for\n`);
  console.log('field       precision  recall   F1');
  for (const [name, m] of Object.entries(outsideFields)) {
    console.log(`${name.padEnd(11)} ${pct(m.precision).padStart(9)}  ${pct(m.recall).padStart(6)}  ${m.f1.toFixed(3)}`);
  }
  console.log(
    `not skills  ${nonSkills.correct} of ${nonSkills.predicted} skills returned are headings, table headers, labels, places or contacts`,
  );
  console.log(
    `OCR scan    ${markedOcr} of ${ocrTimes.length > 0 ? 1 : 0} marked OCR; one page ${ocrTimes.length > 0 ? `${ocrTimes[0]!.toFixed(0)} ms first, ${percentile(sortedOcr, 50).toFixed(0)} ms p50 of ${ocrTimes.length}` : 'not read'}`,
  );
  console.log(
    `job ads     ${jobNonSkills} non-skills returned as skills; ${badKeywords} of ${keywordsOffered} keywords are function words or fragments`,
  );
}
