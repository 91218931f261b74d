import { ArrowDown, ArrowUp, Code2, Plus, Trash2 } from 'lucide-react';
import { questionType, type QuestionType } from '../../../../contract/index.js';
import { Button } from '../../../ui/button.js';
import { CodingPick } from '../../../ui/coding/coding-pick.js';
import { SelectField, TextAreaField } from '../../../ui/field.js';
import { interviewTypeLabel } from '../../../lib/interview-meta.js';

export interface QuestionDraft {
  type: QuestionType;
  text: string;
  /** One key point per line. */
  keyPoints: string;
  /** A coding problem of the bank (slug and title; slug empty until chosen), asked in coding and mixed interviews. */
  coding?: { slug: string; title: string } | undefined;
}

export const MAX_CURATED_QUESTIONS = 30;

export function toQuestionDrafts(
  questions: Array<{ type: QuestionType; text: string; keyPoints: string[]; codingProblem?: string | undefined }>,
): QuestionDraft[] {
  return questions.map((q) => ({
    type: q.type,
    text: q.text,
    keyPoints: q.keyPoints.join('\n'),
    coding: q.codingProblem !== undefined ? { slug: q.codingProblem, title: q.text } : undefined,
  }));
}

export function fromQuestionDrafts(drafts: QuestionDraft[]) {
  return drafts.map((q) =>
    q.coding
      ? { type: 'technical' as const, text: q.coding.title, keyPoints: [], codingProblem: q.coding.slug }
      : {
          type: q.type,
          text: q.text.trim(),
          keyPoints: q.keyPoints
            .split('\n')
            .map((k) => k.trim())
            .filter(Boolean),
        },
  );
}

interface QuestionSetEditorProps {
  value: QuestionDraft[];
  onChange: (next: QuestionDraft[]) => void;
  /** Field errors keyed "questionSet.<index>.<field>". */
  errors: Record<string, string>;
}

/** The organization's own questions for a job: asked first when a practice is tailored to it. */
export function QuestionSetEditor({ value, onChange, errors }: QuestionSetEditorProps) {
  const set = (i: number, next: Partial<QuestionDraft>) => onChange(value.map((q, j) => (j === i ? { ...q, ...next } : q)));
  const move = (from: number, to: number) => {
    const next = [...value];
    const [q] = next.splice(from, 1);
    next.splice(to, 0, q!);
    onChange(next);
  };

  return (
    <div className="space-y-3">
      {value.length ? (
        <ol className="space-y-3">
          {value.map((q, i) => (
            <li key={i} className="rounded-xl border border-border bg-surface-muted/40 p-4">
              <fieldset className="space-y-3">
                <legend className="text-sm font-semibold text-fg">Question {i + 1}</legend>
                {q.coding ? (
                  <CodingPick
                    id={`question-set-${i}-coding`}
                    saved={false}
                    value={q.coding}
                    error={errors[`questionSet.${i}.codingProblem`]}
                    onPick={(coding) => set(i, { coding, text: coding.title })}
                  />
                ) : (
                  <TextQuestionFields q={q} i={i} set={set} errors={errors} />
                )}
              </fieldset>
              <div className="mt-3 flex justify-end gap-1">
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                  aria-label={`Move question ${i + 1} up`}
                >
                  <ArrowUp className="size-4" aria-hidden="true" />
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={i === value.length - 1}
                  onClick={() => move(i, i + 1)}
                  aria-label={`Move question ${i + 1} down`}
                >
                  <ArrowDown className="size-4" aria-hidden="true" />
                </Button>
                <Button variant="ghost" size="sm" className="hover:text-danger" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  <Trash2 className="size-4" aria-hidden="true" /> Remove<span className="sr-only"> question {i + 1}</span>
                </Button>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="rounded-xl border border-dashed border-border-strong px-4 py-5 text-center text-sm text-fg-muted">
          No questions of your own yet. Without them, questions come from the bank, framed by this job’s skills.
        </p>
      )}
      {value.length < MAX_CURATED_QUESTIONS ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={() => onChange([...value, { type: 'technical', text: '', keyPoints: '' }])}>
            <Plus className="size-4" aria-hidden="true" /> Add a question
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => onChange([...value, { type: 'technical', text: '', keyPoints: '', coding: { slug: '', title: '' } }])}
          >
            <Code2 className="size-4" aria-hidden="true" /> Add a coding problem
          </Button>
        </div>
      ) : (
        <p className="text-sm text-fg-subtle">That is the limit of {MAX_CURATED_QUESTIONS} questions.</p>
      )}
    </div>
  );
}

/** A question the organization writes: its type, text and key points. */
function TextQuestionFields({
  q,
  i,
  set,
  errors,
}: {
  q: QuestionDraft;
  i: number;
  set: (i: number, next: Partial<QuestionDraft>) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <SelectField label="Type" value={q.type} onChange={(e) => set(i, { type: e.target.value as QuestionType })} className="sm:max-w-60">
        {questionType.options.map((t) => (
          <option key={t} value={t}>
            {interviewTypeLabel(t)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Question"
        rows={2}
        maxLength={2000}
        value={q.text}
        error={errors[`questionSet.${i}.text`]}
        onChange={(e) => set(i, { text: e.target.value })}
        placeholder="e.g. Tell us about a time you changed a payment flow without downtime."
      />
      <TextAreaField
        label="Key points"
        optional
        rows={3}
        value={q.keyPoints}
        error={errors[`questionSet.${i}.keyPoints`]}
        onChange={(e) => set(i, { keyPoints: e.target.value })}
        hint="One per line: what a strong answer covers. Used to grade the answer."
      />
    </>
  );
}
