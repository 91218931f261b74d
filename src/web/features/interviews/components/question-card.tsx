import { Lightbulb } from 'lucide-react';
import type { Ref } from 'react';
import type { InterviewQuestion, QuestionType } from '../../../../contract/index.js';
import { difficultyLabels, questionTypeLabel } from '../../../lib/interview-meta.js';
import { Badge } from '../../../ui/badge.js';
import { SkillChips } from './skill-chips.js';

const guidance: Record<QuestionType, string> = {
  behavioral: 'Tell a real story using STAR: the Situation, your Task, the Action you took and the Result.',
  technical: 'Explain the idea, give a concrete example, and mention the trade-offs.',
  system_design: 'Cover requirements, main components, data model, scaling and what happens when things fail.',
  communication: 'Be clear and concise, and tailor the message to your audience.',
  aptitude: 'Show your reasoning step by step, then state your answer.',
};

// A coding question is stored with a question type of the text bank; it shows its own badge and hint.
const codingGuidance =
  'Read the examples, run your code against them, then submit: hidden tests check edge cases and large inputs. Say in a line or two why your approach is efficient.';

/** The question being answered, with the skills it targets and a hint on how to answer its type. */
export function QuestionCard({ question, headingRef }: { question: InterviewQuestion; headingRef: Ref<HTMLHeadingElement> }) {
  return (
    <section className="card p-5 sm:p-7" aria-labelledby="question-heading">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Badge tone="primary">{questionTypeLabel(question)}</Badge>
        {question.coding ? <Badge tone="neutral">{difficultyLabels[question.coding.difficulty]}</Badge> : null}
      </div>
      <h1
        id="question-heading"
        ref={headingRef}
        tabIndex={-1}
        data-page-heading
        className="text-xl leading-snug font-semibold tracking-tight text-balance text-fg sm:text-2xl"
      >
        {question.text}
      </h1>
      <SkillChips skills={question.targetSkills} className="mt-3" />
      <p className="mt-4 flex gap-2 text-sm text-fg-muted">
        <Lightbulb className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
        {question.coding ? codingGuidance : guidance[question.type]}
      </p>
    </section>
  );
}
