import { ArrowUpRight, Check, FileDown, MessageSquareQuote, Printer, RotateCcw, ThumbsUp } from 'lucide-react';
import { Link, useParams } from 'react-router';
import type { Report, ScoreOverride } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button, buttonClass } from '../../ui/button.js';
import { cn } from '../../ui/cn.js';
import { PageHeader } from '../../ui/page-header.js';
import { ScoreRing } from '../../ui/score-ring.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { SaveQuestionButton } from '../../ui/save-question-button.js';
import { SharePanel } from './components/share-panel.js';
import { interviewPath, useInterview, useReport } from '../../lib/api/interviews.js';
import { GrammarNotes, KeyPointsSection, StarParts, hasKeyPoints, hasScoreExplanation } from '../../ui/evaluation/answer-feedback.js';
import { WhyThisScore } from '../../ui/evaluation/why-this-score.js';
import { GrammarLegend, GrammarText, usableIssues } from '../../ui/evaluation/grammar-text.js';
import { ReportFollowUps } from './components/report-follow-ups.js';
import { SkillChips } from './components/skill-chips.js';
import { DeliverySummaryCard } from './components/delivery-summary.js';
import { SkillCoverageCard } from './components/skill-coverage.js';
import { DimensionBars } from '../../ui/evaluation/dimension-bars.js';
import { DimensionChart } from './components/dimension-chart.js';
import { interviewTypeLabel, levelLabel, scoreBand, scoreTextClass } from '../../lib/interview-meta.js';

function summaryLine(score: number | null): string {
  if (score === null) return 'No answers were scored in this interview.';
  if (score >= 85) return 'An excellent performance. You would stand out in a real interview.';
  if (score >= 70) return 'A strong interview. A few refinements will make your answers even sharper.';
  if (score >= 55) return 'A solid base. Work on the improvements below to lift your scores.';
  if (score >= 40) return 'You are getting there. Focus on structure and covering the key points.';
  return 'A starting point. Review the feedback on each answer and try again — progress comes quickly.';
}

export function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  const interview = useInterview(id);
  const user = useCurrentUser();

  if (report.isPending) return <ReportSkeleton />;
  if (report.isError && report.error instanceof ApiError && report.error.status === 403) {
    // An assigned interview whose coach has not released the results yet.
    return (
      <div className="mx-auto max-w-lg space-y-6 py-10 text-center">
        <title>Results not released yet · Panelist</title>
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
          Results not released yet
        </h1>
        <p className="text-fg-muted">Your coach is reviewing this interview. You will get a notification when the results are ready.</p>
        <Link to="/" className={buttonClass('primary')}>
          Back to dashboard
        </Link>
      </div>
    );
  }
  if (report.isError) {
    const notFound = report.error instanceof ApiError && report.error.status === 404;
    return (
      <div className="mx-auto max-w-lg space-y-6 py-10 text-center">
        <title>Report · Panelist</title>
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
          {notFound ? 'Report not found' : 'Could not load the report'}
        </h1>
        {notFound ? (
          <p className="text-fg-muted">This interview does not exist or is not yours.</p>
        ) : (
          <Alert>{errorMessage(report.error)}</Alert>
        )}
        <Link to="/" className={buttonClass('primary')}>
          Back to dashboard
        </Link>
      </div>
    );
  }

  const data = report.data;
  const meta = interview.data;
  const band = scoreBand(data.overallScore);
  const answered = data.questions.filter((q) => q.evaluation).length;
  const skillNameById = new Map((data.skillCoverage ?? []).map((s) => [s.skill, s.name]));
  const targetsById = new Map((meta?.questions ?? []).map((q) => [q.id, q.targetSkills]));
  const answersById = new Map((meta?.answers ?? []).map((a) => [a.questionId, a]));
  const assigned = meta?.kind === 'assigned';
  // The candidate may bookmark questions of their own report (coding problems excepted).
  const isCandidate = !!meta && !!user && meta.candidate?.id === user.id;
  const codingIds = new Set((meta?.questions ?? []).filter((q) => q.coding).map((q) => q.id));

  return (
    <div className="space-y-10 print:space-y-6">
      <title>{`Report${meta ? ` · ${meta.role}` : ''} · Panelist`}</title>
      <PageHeader
        eyebrow={assigned && meta?.coach ? `Interview report · reviewed by ${meta.coach.name}` : 'Interview report'}
        title={meta ? meta.role : 'Your interview'}
        description={
          meta ? (
            <>
              {interviewTypeLabel(meta.type)} · {levelLabel(meta.level)} · {answered} of {data.questions.length} questions answered
              {meta.completedAt ? <> · {formatDateTime(meta.completedAt)}</> : null}
            </>
          ) : null
        }
        actions={
          <>
            <a href={interviewPath(data.interviewId, '/report.pdf')} download className={buttonClass('secondary')}>
              <FileDown className="size-4" aria-hidden="true" /> Download PDF
            </a>
            <Button variant="secondary" onClick={() => window.print()}>
              <Printer className="size-4" aria-hidden="true" /> Print
            </Button>
            {assigned && meta?.candidate && user && meta.candidate.id !== user.id ? (
              <Link to={`/coach/interviews/${meta.id}`} className={buttonClass('primary')}>
                Back to the review
              </Link>
            ) : assigned ? (
              <Link to="/" className={buttonClass('primary')}>
                Back to dashboard
              </Link>
            ) : (
              <Link to={`/practice/new?again=${encodeURIComponent(meta?.id ?? data.interviewId)}`} className={buttonClass('primary')}>
                <RotateCcw className="size-4" aria-hidden="true" /> Practise again
              </Link>
            )}
          </>
        }
      />

      <section
        aria-labelledby="overall-heading"
        className="card grid grid-cols-1 overflow-hidden md:grid-cols-[minmax(0,0.9fr)_minmax(0,1.1fr)] print:grid-cols-2"
      >
        <div className="flex flex-col items-center gap-5 border-b border-border p-6 text-center sm:p-8 md:border-r md:border-b-0 print:border-r print:border-b-0">
          <h2 id="overall-heading" className="text-sm font-semibold tracking-wide text-fg-subtle uppercase">
            Overall score
          </h2>
          <ScoreRing
            score={data.overallScore}
            tone={band.tone}
            size={152}
            label={data.overallScore === null ? 'Overall score: not scored' : `Overall score ${data.overallScore} out of 100`}
          />
          <div className="space-y-1">
            <p className={cn('text-lg font-semibold', scoreTextClass[band.tone])} data-testid="overall-band">
              {band.label}
            </p>
            <p className="max-w-xs text-sm text-fg-muted text-pretty">{summaryLine(data.overallScore)}</p>
            {answered > 0 && answered < data.questions.length ? (
              <p className="max-w-xs text-xs text-fg-subtle text-pretty" data-testid="unanswered-note">
                {data.questions.length - answered === 1
                  ? '1 unanswered question counts as 0 here and in each dimension.'
                  : `${data.questions.length - answered} unanswered questions count as 0 here and in each dimension.`}
              </p>
            ) : null}
          </div>
          {data.dimensions ? <DimensionBars dimensions={data.dimensions} className="w-full max-w-sm text-left" /> : null}
        </div>
        <div className="flex flex-col p-6 sm:p-8">
          <h2 className="text-sm font-semibold tracking-wide text-fg-subtle uppercase">Your five dimensions</h2>
          {data.dimensions ? (
            <div className="flex flex-1 items-center">
              <DimensionChart dimensions={data.dimensions} />
            </div>
          ) : (
            <p className="flex flex-1 items-center justify-center py-12 text-fg-subtle">Answer at least one question to see the chart.</p>
          )}
        </div>
      </section>

      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <SummaryList
          title="Strengths"
          items={data.strengths}
          empty="Strengths will show here once your answers are scored."
          icon={<ThumbsUp className="size-4 text-success" aria-hidden="true" />}
          bullet={<Check className="size-4 text-success" aria-hidden="true" />}
        />
        <SummaryList
          title="Focus next on"
          items={data.improvements}
          empty="Nothing major to improve. Try a harder level next."
          icon={<ArrowUpRight className="size-4 text-warning" aria-hidden="true" />}
          bullet={<ArrowUpRight className="size-4 text-warning" aria-hidden="true" />}
        />
      </div>

      {data.skillCoverage?.length ? <SkillCoverageCard coverage={data.skillCoverage} /> : null}

      {data.delivery ? <DeliverySummaryCard summary={data.delivery} /> : null}

      {isCandidate && meta?.completedAt ? <SharePanel interviewId={data.interviewId} /> : null}

      <section aria-labelledby="questions-heading" className="space-y-5">
        <h2 id="questions-heading" className="text-lg font-semibold tracking-tight text-fg">
          Question by question
        </h2>
        <ol className="space-y-5">
          {[...data.questions]
            .sort((a, b) => a.order - b.order)
            .map((q, i) => (
              <QuestionReport
                key={q.questionId}
                item={q}
                number={i + 1}
                targetSkills={targetsById.get(q.questionId) ?? []}
                skillNames={skillNameById}
                override={answersById.get(q.questionId)?.override ?? null}
                saveFrom={isCandidate && !codingIds.has(q.questionId) ? data.interviewId : undefined}
              />
            ))}
        </ol>
      </section>

      <p className="hidden text-xs text-fg-subtle print:block">
        Generated by Panelist{meta?.completedAt ? ` · ${formatDateTime(meta.completedAt)}` : ''}.
      </p>
    </div>
  );
}

function SummaryList({
  title,
  items,
  empty,
  icon,
  bullet,
}: {
  title: string;
  items: string[];
  empty: string;
  icon: React.ReactNode;
  bullet: React.ReactNode;
}) {
  return (
    <section className="card p-6">
      <h2 className="mb-4 flex items-center gap-2 font-semibold text-fg">
        {icon}
        {title}
      </h2>
      {items.length ? (
        <ul className="space-y-3">
          {items.map((t, i) => (
            <li key={i} className="flex gap-2.5 text-[0.9375rem] leading-relaxed text-fg-muted">
              <span className="mt-1 shrink-0">{bullet}</span>
              {t}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-subtle">{empty}</p>
      )}
    </section>
  );
}

function QuestionReport({
  item,
  number,
  targetSkills,
  skillNames,
  override,
  saveFrom,
}: {
  item: Report['questions'][number];
  number: number;
  targetSkills: readonly string[];
  skillNames: ReadonlyMap<string, string>;
  /** A coach's change to the score; it is the score that counts. */
  override: ScoreOverride | null;
  /** The interview, when the viewer may save this question. */
  saveFrom?: string | undefined;
}) {
  const ev = item.evaluation;
  // The question's score combines its answer with answered follow-ups (`item.score`); a coach's override wins.
  const score = override?.score ?? item.score ?? ev?.score ?? null;
  const band = scoreBand(score);
  return (
    <li className="card overflow-hidden">
      <div className="flex gap-4 p-5 sm:p-6">
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2 text-sm text-fg-subtle">
            <span className="font-medium text-fg-muted">Question {number}</span>
            <Badge>{interviewTypeLabel(item.type)}</Badge>
            {item.attempts && item.attempts > 1 ? (
              <Badge tone="primary">
                {item.countingAttempt ? `Attempt ${item.countingAttempt} of ${item.attempts} counts` : `${item.attempts} attempts`}
              </Badge>
            ) : null}
          </div>
          <h3 className="text-[1.0625rem] leading-snug font-semibold text-fg">{item.text}</h3>
          <SkillChips skills={targetSkills} names={skillNames} className="pt-1" />
          {saveFrom ? (
            <div className="-ml-3">
              <SaveQuestionButton interviewId={saveFrom} questionId={item.questionId} text={item.text} />
            </div>
          ) : null}
        </div>
        <div className="flex shrink-0 flex-col items-center gap-1">
          <ScoreRing score={score} tone={band.tone} size={60} />
          <span className={cn('text-xs font-medium', scoreTextClass[band.tone])}>{band.label}</span>
        </div>
      </div>

      <div className="space-y-5 border-t border-border bg-surface-muted/40 p-5 sm:p-6">
        {override ? (
          <div className="rounded-xl border border-primary/30 bg-primary-soft px-4 py-3 text-sm text-primary-soft-fg">
            <p className="font-semibold">
              {override.by.name} set the score to {override.score}
              {ev ? ` (the engine gave ${ev.score})` : ''}
            </p>
            <p className="mt-0.5">“{override.note}”</p>
          </div>
        ) : null}
        <div>
          <h4 className="mb-2 flex items-center gap-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">
            <MessageSquareQuote className="size-3.5" aria-hidden="true" /> Your answer
          </h4>
          {item.answer ? (
            <>
              <GrammarText
                as="blockquote"
                text={item.answer}
                issues={ev?.grammar ?? []}
                className="border-l-2 border-border-strong pl-4 text-[0.9375rem] leading-relaxed whitespace-pre-wrap text-fg-muted"
              />
              <GrammarLegend count={usableIssues(item.answer, ev?.grammar ?? []).length} className="mt-2 pl-4.5 print:hidden" />
            </>
          ) : (
            <p className="text-sm text-fg-subtle italic">Not answered.</p>
          )}
        </div>

        {item.followUps?.length ? <ReportFollowUps followUps={item.followUps} /> : null}

        {ev ? (
          <>
            <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
              <NoteList title="What went well" items={ev.strengths} tone="success" />
              <NoteList title="How to improve" items={ev.improvements} tone="warning" />
            </div>
            {hasScoreExplanation(ev) ? (
              <div>
                <h4 className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">Why this score</h4>
                <WhyThisScore factors={ev.scoreFactors} guards={ev.guards} />
              </div>
            ) : null}
            {hasKeyPoints(ev) ? (
              <div>
                <h4 className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">Key points</h4>
                <KeyPointsSection evaluation={ev} answerText={item.answer ?? ''} />
              </div>
            ) : null}
            {ev.star ? (
              <div>
                <h4 className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">STAR structure</h4>
                <StarParts star={ev.star} />
              </div>
            ) : null}
            {ev.grammar.length ? (
              <div>
                <h4 className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">Grammar notes</h4>
                <GrammarNotes issues={ev.grammar} text={item.answer ?? ''} />
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </li>
  );
}

function NoteList({ title, items, tone }: { title: string; items: string[]; tone: 'success' | 'warning' }) {
  const Icon = tone === 'success' ? Check : ArrowUpRight;
  return (
    <div>
      <h4 className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">{title}</h4>
      {items.length ? (
        <ul className="space-y-2">
          {items.map((t, i) => (
            <li key={i} className="flex gap-2 text-sm leading-relaxed text-fg-muted">
              <Icon className={cn('mt-0.5 size-4 shrink-0', tone === 'success' ? 'text-success' : 'text-warning')} aria-hidden="true" />
              {t}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-subtle">—</p>
      )}
    </div>
  );
}

function ReportSkeleton() {
  return (
    <div className="space-y-8" role="status">
      <span className="sr-only">Loading report…</span>
      <div className="space-y-2">
        <Skeleton className="h-4 w-28" />
        <Skeleton className="h-9 w-72" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="card grid grid-cols-1 gap-8 p-8 md:grid-cols-2">
        <div className="flex flex-col items-center gap-4">
          <Skeleton className="size-36 rounded-full" />
          <Skeleton className="h-5 w-24" />
        </div>
        <Skeleton className="h-72 w-full" />
      </div>
    </div>
  );
}
