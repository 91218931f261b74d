import { Code2 } from 'lucide-react';
import type { CodingTopic, PracticeProblem } from '../../../contract/index.js';
import { usePracticeProblems } from '../../lib/api/coding-practice.js';
import { topicLabels } from '../../lib/coding-topics.js';
import { languageLabels } from './coding-answer-form.js';
import { SelectField } from '../field.js';

/**
 * A coding question in the editor: a new one picks its problem from the bank (grouped by topic,
 * with difficulty and languages in each option); a saved one shows which problem it asks. The
 * problem brings its statement, tests and key points, so there is nothing else to write.
 */
export function CodingPick({
  id,
  saved,
  value,
  error,
  onPick,
}: {
  id: string;
  saved: boolean;
  value: { slug: string; title: string };
  error: string | undefined;
  onPick: (problem: { slug: string; title: string }) => void;
}) {
  const problems = usePracticeProblems({});
  const byTopic = new Map<CodingTopic, PracticeProblem[]>();
  for (const p of problems.data?.items ?? []) {
    const topic = p.topics[0]!;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), p]);
  }
  return (
    <div className="space-y-3">
      {saved ? (
        <p className="flex items-center gap-2 text-sm text-fg">
          <Code2 className="size-4 text-accent" aria-hidden="true" />
          <span>
            Coding problem: <strong>{value.title}</strong>
          </span>
        </p>
      ) : (
        <SelectField
          id={id}
          label="Coding problem"
          value={value.slug}
          error={error}
          onChange={(e) => {
            const picked = problems.data?.items.find((p) => p.slug === e.target.value);
            if (picked) onPick({ slug: picked.slug, title: picked.title });
          }}
        >
          <option value="">{problems.isPending ? 'Loading problems…' : 'Choose a problem'}</option>
          {[...byTopic].map(([topic, list]) => (
            <optgroup key={topic} label={topicLabels[topic]}>
              {list.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.title} · {p.difficulty} · {p.languages.map((l) => languageLabels[l]).join(', ')}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
      )}
      <p className="text-sm text-fg-subtle">
        The candidate writes code in an editor and can run the public examples; hidden tests, the measured time growth and their explanation
        grade it.
      </p>
    </div>
  );
}
