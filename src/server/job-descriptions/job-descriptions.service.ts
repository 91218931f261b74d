import { codingProblems } from '../../../content/coding/index.js';
import { and, count, desc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { PageQuery } from '../../contract/common.js';
import type {
  CreateJobDescriptionBody,
  CuratedQuestion,
  ExtractedSkills,
  JobDescription,
  JobDescriptionList,
  JobDescriptionQuery,
  UpdateJobDescriptionBody,
} from '../../contract/job-descriptions.js';
import type { Level } from '../../contract/interviews.js';
import { AppError, notFound } from '../../core/errors.js';
import { findSkill, normalizeSkillTerm, type SkillTaxonomy } from '../../core/skills/taxonomy.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { usersByIds } from '../auth/user-directory.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { jobDescriptionShares, jobDescriptions } from './job-descriptions.table.js';
import { queryAll } from '../../db/query-all.js';

const codingTitles = new Map(codingProblems.map((p) => [p.slug, p.title]));

/**
 * The question set as stored: a coding problem must be one of the bank's, and its text is the
 * problem's title (what the editor and the interview show), whatever was sent.
 */
function checkedQuestionSet(questionSet: CuratedQuestion[] | undefined): CuratedQuestion[] | undefined {
  return questionSet?.map((q, i) => {
    if (q.codingProblem === undefined) return q;
    const title = codingTitles.get(q.codingProblem);
    if (!title) {
      throw new AppError('validation_failed', 'There is no coding problem with this name.', {
        errors: [{ path: `body.questionSet.${i}.codingProblem`, message: 'unknown coding problem' }],
      });
    }
    return { ...q, type: 'technical', text: title, keyPoints: [] };
  });
}

type Row = typeof jobDescriptions.$inferSelect;
const STAFF = ['admin', 'coach'] as const;

/** What the interviews feature needs of a job description to tailor an interview. */
export interface JobDescriptionForTailoring {
  id: string;
  orgId: string;
  title: string;
  level: Level;
  text: string;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  questionSet: CuratedQuestion[];
  requiredYears: number | null;
}

export type JobDescriptionsService = ReturnType<typeof createJobDescriptionsService>;

/** Reads a job description's text off the server's thread (the resume reading process, with its deadline and memory cap). */
export interface JobDescriptionReader {
  extractJob(text: string): Promise<ExtractedSkills>;
}

export function createJobDescriptionsService(deps: {
  db: Database;
  clock: Clock;
  orgAccess: OrgAccess;
  skills: SkillTaxonomy;
  reader: JobDescriptionReader;
}) {
  const { db, clock, orgAccess, skills, reader } = deps;

  /** Skills and years from the text, read in the reading process: a hostile text costs a 422, not a frozen server. */
  function extract(text: string): Promise<ExtractedSkills> {
    return reader.extractJob(text);
  }

  /** Spellings resolved to the taxonomy's names, duplicates dropped; unknown skills kept as typed. */
  function canonical(names: readonly string[], exclude: readonly string[] = []): string[] {
    const seen = new Set(exclude.map(normalizeSkillTerm));
    const out: string[] = [];
    for (const raw of names) {
      const name = findSkill(skills, raw)?.name ?? raw.trim();
      const key = normalizeSkillTerm(name);
      if (key.length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
    return out;
  }

  /** Given lists win; a list left out is what extraction found in the text. */
  function skillLists(extracted: ExtractedSkills, required: string[] | undefined, nice: string[] | undefined) {
    const requiredSkills = canonical(required ?? extracted.requiredSkills);
    return { requiredSkills, niceToHaveSkills: canonical(nice ?? extracted.niceToHaveSkills, requiredSkills) };
  }

  async function liveRow(id: string, tx: DbOrTx = db): Promise<Row | undefined> {
    const [row] = await tx
      .select()
      .from(jobDescriptions)
      .where(and(eq(jobDescriptions.id, id), isNull(jobDescriptions.deletedAt)));
    return row;
  }

  async function isSharedWith(jobDescriptionId: string, candidateId: string, tx: DbOrTx = db): Promise<boolean> {
    const [row] = await tx
      .select({ id: jobDescriptionShares.candidateId })
      .from(jobDescriptionShares)
      .where(and(eq(jobDescriptionShares.jobDescriptionId, jobDescriptionId), eq(jobDescriptionShares.candidateId, candidateId)));
    return row !== undefined;
  }

  /**
   * How the caller sees a job description: as staff of its organization, as a candidate member
   * it was shared with, or not at all (then it does not exist for them).
   */
  async function viewOf(actor: Actor, row: Row, tx: DbOrTx = db): Promise<'staff' | 'candidate' | null> {
    const role = await orgAccess.roleIn(actor.userId, row.orgId, tx);
    if (role === 'admin' || role === 'coach' || actor.platformRole === 'superadmin') return 'staff';
    if (role === 'candidate' && (await isSharedWith(row.id, actor.userId, tx))) return 'candidate';
    return null;
  }

  /** Staff only; a member who may see it but not manage it gets 403, everyone else 404. */
  async function loadForStaff(actor: Actor, id: string, tx: DbOrTx = db): Promise<Row> {
    const row = await liveRow(id, tx);
    if (!row) throw notFound('Job description');
    await orgAccess.requireRole(actor, row.orgId, STAFF, tx);
    return row;
  }

  async function sharesOf(ids: string[], tx: DbOrTx = db): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (ids.length === 0) return out;
    const rows = await tx
      .select({ jd: jobDescriptionShares.jobDescriptionId, candidateId: jobDescriptionShares.candidateId })
      .from(jobDescriptionShares)
      .where(inArray(jobDescriptionShares.jobDescriptionId, ids))
      .orderBy(jobDescriptionShares.createdAt, jobDescriptionShares.candidateId);
    for (const r of rows) out.set(r.jd, [...(out.get(r.jd) ?? []), r.candidateId]);
    return out;
  }

  /** `staffOf` says for which rows the caller may see who it is shared with. */
  async function toJobDescriptions(rows: Row[], staffOf: (row: Row) => boolean, tx: DbOrTx = db): Promise<JobDescription[]> {
    const [shares, authors] = await queryAll(tx, [
      () =>
        sharesOf(
          rows.filter(staffOf).map((r) => r.id),
          tx,
        ),
      () =>
        usersByIds(
          tx,
          rows.map((r) => r.createdBy).filter((x): x is string => x !== null),
        ),
    ]);
    return rows.map((r) => {
      const author = r.createdBy ? authors.get(r.createdBy) : undefined;
      return {
        id: r.id,
        orgId: r.orgId,
        title: r.title,
        level: r.level,
        text: r.text,
        requiredSkills: r.requiredSkills,
        niceToHaveSkills: r.niceToHaveSkills,
        questionSet: r.questionSet,
        requiredYears: r.requiredYears,
        sharedWith: staffOf(r) ? (shares.get(r.id) ?? []) : [],
        createdBy: author ? { id: author.id, name: author.name } : null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }

  async function toOne(row: Row, staff: boolean, tx: DbOrTx = db): Promise<JobDescription> {
    const [jd] = await toJobDescriptions([row], () => staff, tx);
    return jd!;
  }

  async function page(where: SQL | undefined, query: PageQuery) {
    const [rows, [{ n } = { n: 0 }]] = await Promise.all([
      db
        .select()
        .from(jobDescriptions)
        .where(where)
        .orderBy(desc(jobDescriptions.createdAt), desc(jobDescriptions.id))
        .limit(query.limit)
        .offset((query.page - 1) * query.limit),
      db.select({ n: count() }).from(jobDescriptions).where(where),
    ]);
    return { rows, total: Number(n) };
  }

  const summary = (r: Pick<Row, 'title' | 'level' | 'requiredSkills' | 'niceToHaveSkills' | 'requiredYears'>) => ({
    title: r.title,
    level: r.level,
    requiredSkills: r.requiredSkills,
    niceToHaveSkills: r.niceToHaveSkills,
    requiredYears: r.requiredYears,
  });

  return {
    /** Preview for the form: what the server would extract from this text. */
    extractSkills(text: string): Promise<ExtractedSkills> {
      return extract(text);
    },

    async create(actor: Actor, orgId: string, body: CreateJobDescriptionBody, meta: { ip: string }): Promise<JobDescription> {
      await orgAccess.requireRole(actor, orgId, STAFF);
      const extracted = await extract(body.text);
      const now = clock.now();
      const row: Row = {
        id: newId(),
        orgId,
        title: body.title,
        level: body.level,
        text: body.text,
        ...skillLists(extracted, body.requiredSkills, body.niceToHaveSkills),
        questionSet: checkedQuestionSet(body.questionSet) ?? [],
        requiredYears: extracted.requiredYears,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      await db.transaction(async (tx) => {
        await tx.insert(jobDescriptions).values(row);
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'job_description.create',
          targetType: 'job_description',
          targetId: row.id,
          after: summary(row),
          ip: meta.ip,
          at: now,
        });
      });
      return toOne(row, true);
    },

    async listForOrg(actor: Actor, orgId: string, query: JobDescriptionQuery): Promise<JobDescriptionList> {
      await orgAccess.requireRole(actor, orgId, STAFF);
      const where = and(eq(jobDescriptions.orgId, orgId), isNull(jobDescriptions.deletedAt), titleFilter(query.q));
      const { rows, total } = await page(where, query);
      return {
        items: await toJobDescriptions(rows, () => true),
        total,
        page: query.page,
        limit: query.limit,
        pages: Math.ceil(total / query.limit),
      };
    },

    /** Staff: every job description of their organizations; candidates: the ones shared with them. */
    async list(actor: Actor, query: JobDescriptionQuery): Promise<JobDescriptionList> {
      const memberships = await orgAccess.membershipsOf(actor.userId);
      const superadmin = actor.platformRole === 'superadmin';
      const staffOrgs = new Set(memberships.filter((m) => m.role !== 'candidate').map((m) => m.orgId));
      const candidateOrgs = memberships.filter((m) => m.role === 'candidate').map((m) => m.orgId);
      const sharedWithMe = db
        .select({ id: jobDescriptionShares.jobDescriptionId })
        .from(jobDescriptionShares)
        .where(eq(jobDescriptionShares.candidateId, actor.userId));
      const visible = superadmin
        ? undefined
        : or(
            staffOrgs.size > 0 ? inArray(jobDescriptions.orgId, [...staffOrgs]) : undefined,
            candidateOrgs.length > 0
              ? and(inArray(jobDescriptions.orgId, candidateOrgs), inArray(jobDescriptions.id, sharedWithMe))
              : undefined,
          );
      if (!superadmin && staffOrgs.size === 0 && candidateOrgs.length === 0) {
        return { items: [], total: 0, page: query.page, limit: query.limit, pages: 0 };
      }
      const where = and(isNull(jobDescriptions.deletedAt), visible, titleFilter(query.q));
      const { rows, total } = await page(where, query);
      const items = await toJobDescriptions(rows, (r) => superadmin || staffOrgs.has(r.orgId));
      return { items, total, page: query.page, limit: query.limit, pages: Math.ceil(total / query.limit) };
    },

    async get(actor: Actor, id: string): Promise<JobDescription> {
      const row = await liveRow(id);
      const view = row ? await viewOf(actor, row) : null;
      if (!row || !view) throw notFound('Job description');
      return toOne(row, view === 'staff');
    },

    async update(actor: Actor, id: string, body: UpdateJobDescriptionBody, meta: { ip: string }): Promise<JobDescription> {
      return db.transaction(async (tx) => {
        const before = await loadForStaff(actor, id, tx);
        const text = body.text ?? before.text;
        let lists = { requiredSkills: before.requiredSkills, niceToHaveSkills: before.niceToHaveSkills };
        let requiredYears = before.requiredYears;
        if (body.requiredSkills !== undefined || body.niceToHaveSkills !== undefined || text !== before.text) {
          // A new text re-extracts only the lists that still are what extraction gave: a coach's
          // hand-edited list is theirs to keep.
          const oldExtracted = await extract(before.text);
          const extracted = text === before.text ? oldExtracted : await extract(text);
          if (text !== before.text) requiredYears = extracted.requiredYears;
          const old = skillLists(oldExtracted, undefined, undefined);
          const sameAsExtracted = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
          const keepRequired = !sameAsExtracted(before.requiredSkills, old.requiredSkills) ? before.requiredSkills : undefined;
          const keepNice = !sameAsExtracted(before.niceToHaveSkills, old.niceToHaveSkills) ? before.niceToHaveSkills : undefined;
          lists = skillLists(extracted, body.requiredSkills ?? keepRequired, body.niceToHaveSkills ?? keepNice);
        }
        const now = clock.now();
        const after: Row = {
          ...before,
          title: body.title ?? before.title,
          level: body.level ?? before.level,
          text,
          ...lists,
          questionSet: checkedQuestionSet(body.questionSet) ?? before.questionSet,
          requiredYears,
          updatedAt: now,
        };
        await tx
          .update(jobDescriptions)
          .set({
            title: after.title,
            level: after.level,
            text: after.text,
            requiredSkills: after.requiredSkills,
            niceToHaveSkills: after.niceToHaveSkills,
            questionSet: after.questionSet,
            requiredYears: after.requiredYears,
            updatedAt: now,
          })
          .where(eq(jobDescriptions.id, id));
        await writeAudit(tx, {
          orgId: before.orgId,
          actorId: actor.userId,
          action: 'job_description.update',
          targetType: 'job_description',
          targetId: id,
          before: { ...summary(before), textChanged: text !== before.text },
          after: summary(after),
          ip: meta.ip,
          at: now,
        });
        return toOne(after, true, tx);
      });
    },

    /** Soft delete: interviews that used it keep their copy of the text. */
    async remove(actor: Actor, id: string, meta: { ip: string }): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await loadForStaff(actor, id, tx);
        const now = clock.now();
        await tx.update(jobDescriptions).set({ deletedAt: now, updatedAt: now }).where(eq(jobDescriptions.id, id));
        await writeAudit(tx, {
          orgId: row.orgId,
          actorId: actor.userId,
          action: 'job_description.delete',
          targetType: 'job_description',
          targetId: id,
          before: summary(row),
          ip: meta.ip,
          at: now,
        });
      });
    },

    async share(actor: Actor, id: string, candidateIds: string[], meta: { ip: string }): Promise<JobDescription> {
      return db.transaction(async (tx) => {
        const row = await loadForStaff(actor, id, tx);
        const wanted = [...new Set(candidateIds)];
        const roles = await queryAll(
          tx,
          wanted.map((c) => () => orgAccess.roleIn(c, row.orgId, tx)),
        );
        const notCandidates = wanted.filter((_, i) => roles[i] !== 'candidate');
        if (notCandidates.length > 0) {
          throw new AppError('unprocessable', 'A job description can be shared only with candidates of its organization.', {
            errors: notCandidates.map((c) => ({ path: 'body.candidateIds', message: `${c} is not a candidate of this organization` })),
          });
        }
        const now = clock.now();
        const added = await tx
          .insert(jobDescriptionShares)
          .values(wanted.map((candidateId) => ({ jobDescriptionId: id, candidateId, createdAt: now })))
          .onConflictDoNothing()
          .returning({ candidateId: jobDescriptionShares.candidateId });
        if (added.length > 0) {
          await writeAudit(tx, {
            orgId: row.orgId,
            actorId: actor.userId,
            action: 'job_description.share',
            targetType: 'job_description',
            targetId: id,
            after: { candidateIds: added.map((a) => a.candidateId) },
            ip: meta.ip,
            at: now,
          });
        }
        return toOne(row, true, tx);
      });
    },

    async unshare(actor: Actor, id: string, candidateId: string, meta: { ip: string }): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await loadForStaff(actor, id, tx);
        const removed = await tx
          .delete(jobDescriptionShares)
          .where(and(eq(jobDescriptionShares.jobDescriptionId, id), eq(jobDescriptionShares.candidateId, candidateId)))
          .returning({ candidateId: jobDescriptionShares.candidateId });
        if (removed.length === 0) throw notFound('Share');
        await writeAudit(tx, {
          orgId: row.orgId,
          actorId: actor.userId,
          action: 'job_description.unshare',
          targetType: 'job_description',
          targetId: id,
          before: { candidateId },
          ip: meta.ip,
          at: clock.now(),
        });
      });
    },

    /**
     * For the interviews feature. The caller must be staff of its organization acting for
     * themselves or a member of it, or the candidate it is shared with acting for themselves;
     * anything else is a 404, as if it did not exist.
     */
    async forTailoring(actor: Actor, id: string, candidateId: string): Promise<JobDescriptionForTailoring> {
      const row = await liveRow(id);
      if (!row) throw notFound('Job description');
      const view = await viewOf(actor, row);
      const allowed =
        view === 'staff'
          ? candidateId === actor.userId || (await orgAccess.roleIn(candidateId, row.orgId)) !== null
          : view === 'candidate' && candidateId === actor.userId;
      if (!allowed) throw notFound('Job description');
      return {
        id: row.id,
        orgId: row.orgId,
        title: row.title,
        level: row.level,
        text: row.text,
        requiredSkills: row.requiredSkills,
        niceToHaveSkills: row.niceToHaveSkills,
        questionSet: row.questionSet,
        requiredYears: row.requiredYears,
      };
    },
  };
}

function titleFilter(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  return ilike(jobDescriptions.title, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
