import { CheckCircle2, Circle, Flame } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { CODING_TOPICS, DIFFICULTIES, type CodingTopic, type Difficulty } from '../../../contract/index.js';
import { usePracticeProblems, usePracticeProgress } from '../../lib/api/coding-practice.js';
import { difficultyLabels } from '../../lib/interview-meta.js';
import { Badge } from '../../ui/badge.js';
import { SelectField } from '../../ui/field.js';
import { LoadFailure } from '../../ui/load-failure.js';
import { PageHeader } from '../../ui/page-header.js';
import { Skeleton } from '../../ui/skeleton.js';
import { topicLabels } from '../../lib/coding-topics.js';

/** DSA practice: the coding problems by topic and difficulty, with the ones you have solved. */
export function PracticeLibraryPage() {
  const [params, setParams] = useSearchParams();
  const topic = (CODING_TOPICS as readonly string[]).includes(params.get('topic') ?? '') ? (params.get('topic') as CodingTopic) : undefined;
  const difficulty = (DIFFICULTIES as readonly string[]).includes(params.get('difficulty') ?? '')
    ? (params.get('difficulty') as Difficulty)
    : undefined;
  const problems = usePracticeProblems({ topic, difficulty });
  const progress = usePracticeProgress();
  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title="Coding practice"
        description="Solve data-structure and algorithm problems at your own pace. Your code runs against the same hidden tests as in an interview."
      />
      {progress.data ? (
        <section aria-label="Your progress" className="card grid gap-4 p-4 sm:grid-cols-3 sm:p-5">
          <p className="text-sm text-fg-muted">
            <span className="block text-2xl font-semibold text-fg">
              {progress.data.solved} / {progress.data.total}
            </span>
            problems solved
          </p>
          <p className="text-sm text-fg-muted">
            <span className="flex items-center gap-1.5 text-2xl font-semibold text-fg">
              <Flame className="size-5 text-warning" aria-hidden="true" /> {progress.data.streakDays}
            </span>
            {progress.data.streakDays === 1 ? 'day' : 'days'} in a row
          </p>
          <ul className="flex flex-wrap gap-1.5 self-center" aria-label="Solved by difficulty">
            {progress.data.byDifficulty.map((d) => (
              <li key={d.difficulty}>
                <Badge>
                  {difficultyLabels[d.difficulty]} {d.solved}/{d.total}
                </Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 sm:max-w-lg">
        <SelectField id="practice-topic" label="Topic" value={topic ?? ''} onChange={(e) => choose('topic', e.target.value)}>
          <option value="">All topics</option>
          {CODING_TOPICS.map((t) => (
            <option key={t} value={t}>
              {topicLabels[t]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="practice-difficulty"
          label="Difficulty"
          value={difficulty ?? ''}
          onChange={(e) => choose('difficulty', e.target.value)}
        >
          <option value="">All difficulties</option>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {difficultyLabels[d]}
            </option>
          ))}
        </SelectField>
      </div>
      {problems.isError ? (
        <LoadFailure
          what="The problems"
          error={problems.error}
          onRetry={() => void problems.refetch()}
          back={{ to: '/', label: 'Back to the dashboard' }}
        />
      ) : !problems.data ? (
        <Skeleton className="h-64" />
      ) : (
        <section aria-labelledby="problems-heading">
          <h2 id="problems-heading" className="mb-3 text-lg font-semibold tracking-tight text-fg">
            Problems <span className="text-base font-normal text-fg-subtle">({problems.data.total})</span>
          </h2>
          <ul className="card divide-y divide-border">
            {problems.data.items.map((p) => (
              <li key={p.slug} className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-3">
                {p.solved ? (
                  <CheckCircle2 className="size-5 shrink-0 text-success" aria-label="Solved" />
                ) : (
                  <Circle className="size-5 shrink-0 text-fg-subtle" aria-label={p.attempts ? 'Attempted' : 'Not tried'} />
                )}
                <Link to={`/practice/coding/${p.slug}`} className="min-w-0 flex-1 font-medium text-fg hover:text-primary hover:underline">
                  {p.title}
                </Link>
                <span className="flex flex-wrap gap-1.5">
                  <Badge tone={p.difficulty === 'hard' ? 'danger' : p.difficulty === 'medium' ? 'warning' : 'success'}>
                    {difficultyLabels[p.difficulty]}
                  </Badge>
                  {p.topics.map((t) => (
                    <Badge key={t}>{topicLabels[t]}</Badge>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
