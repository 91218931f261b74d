import { beforeAll, describe, expect, it } from 'vitest';
import { bankQuestion as question, createLocalEvaluator, createWinkTextAnalyzer } from '../../server/testing/grading-support.js';
import { findDismissedPractice } from './bad-advice.js';
import type { AnswerEvaluator } from './types.js';

/**
 * Bad advice stated as fact has no two sides to swap, so the claim checker finds nothing turned
 * round; what gives it away is that it waves aside what the reference relies on. Correct
 * answers that talk firmly ("never", "doesn't need to") must not be caught.
 */
const analyze = createWinkTextAnalyzer();
let evaluator: AnswerEvaluator;
beforeAll(async () => {
  evaluator = await createLocalEvaluator({ grammar: false });
}, 240_000);

async function grade(id: string, answer: string) {
  const q = question(id);
  return evaluator.evaluate({ question: q.text, type: q.type, referenceAnswer: q.referenceAnswer, keyPoints: q.keyPoints, answer });
}

describe('bad advice stated as fact', () => {
  it('holds down an answer that dismisses what the question depends on, and says which sentence', async () => {
    const e = await grade(
      'tech-cloud-iac-benefits-01',
      'Infrastructure as code means writing your cloud resources in Terraform files so you can create environments quickly. ' +
        'Code review of infrastructure changes is pointless overhead, because the cloud provider validates every change anyway. ' +
        'There is no need to keep the state file anywhere shared: each engineer keeps their own copy on the laptop, and putting secrets straight into the code is fine since the repository is private.',
    );
    const guard = e.guards?.find((g) => g.kind === 'contradiction');
    expect(guard).toBeDefined();
    expect(guard!.detail).toContain('pointless overhead');
    expect(e.score).toBeLessThanOrEqual(30);
  });

  it('does not hold down a correct answer that talks in absolutes', async () => {
    const e = await grade(
      'tech-ml-model-monitoring-01',
      "First the plumbing: latency, errors and throughput, like any service. Then what goes in: I compare each feature's distribution with the training data and watch for missing values or a changed schema, because an upstream pipeline can break silently. " +
        'The model never needs labels for me to watch its outputs, so I track the prediction distribution from day one, and once ground truth arrives I measure precision and recall overall and per segment. ' +
        'Finally the business number it is meant to move; alerts on drift or quality drops kick off an investigation and a retraining pipeline.',
    );
    expect(e.guards ?? []).toEqual([]);
    expect(e.score).toBeGreaterThan(50);
  });

  it('reads an ordinary negation as a fact, not as a dismissal', () => {
    const truth = [analyze('An index lets the database find rows without scanning the whole table.')];
    expect(findDismissedPractice(analyze("With an index the database doesn't need to look at every row."), truth)).toBeNull();
    expect(findDismissedPractice(analyze('An index is pointless on a table, the database scans rows fast anyway.'), truth)).not.toBeNull();
    // A story reports what someone else felt; the candidate's own view still counts.
    expect(
      findDismissedPractice(analyze('The new analyst felt an index was pointless, so I showed him the table scans.'), truth),
    ).toBeNull();
    expect(findDismissedPractice(analyze('I think an index is pointless on this table.'), truth)).not.toBeNull();
  });
});
