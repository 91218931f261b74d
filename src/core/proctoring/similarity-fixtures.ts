/**
 * Three answers to "How would you find out why an API endpoint became slow last week?", shared by
 * the similarity tests: an original, a lightly edited copy of it, and another candidate's honest
 * answer with the same ideas in their own words.
 */
export const original =
  'First I would look at the latency graphs to see exactly when the slowdown started and whether it was every request ' +
  'or only some. Then I would compare that moment with the deploy log, because a release is the most common cause. ' +
  'If a deploy lines up, I would diff the queries it changed and run EXPLAIN ANALYZE on them to spot a missing index ' +
  'or a sequential scan. If nothing was deployed, I would check the database and cache hit rates and the traffic mix, ' +
  'since a new heavy customer can change the picture without any code change.';

// The same text with a few words changed, one sentence moved and punctuation altered.
export const lightlyEdited =
  'Then I would compare that moment with the deployment log, because a release is the most common cause. ' +
  'First I would look at the latency graphs to see exactly when the slowdown began and whether it was every request ' +
  'or only some of them. If a deploy lines up I would diff the queries it changed and run EXPLAIN ANALYZE on them ' +
  'to spot a missing index or a sequential scan; if nothing was deployed, I would check the database and cache hit ' +
  'rates and the traffic mix since a new heavy customer can change the picture with no code change.';

// Another candidate's honest answer: the same ideas, their own words.
export const honest =
  'I would start from our tracing tool and pull the slowest traces for that endpoint over the last two weeks, so I ' +
  'can see which span grew. Usually it is the database, so I would check the query plans and whether a table grew ' +
  'past the point where an index matters. I would also ask the team what shipped that week and look at infrastructure ' +
  'changes such as a smaller instance or a new region, and I would reproduce it on staging before fixing anything.';

// The original put through a rewording tool: synonyms for most words, clauses turned around, no
// run of four words left in common — what shingles cannot see.
export const reworded =
  'To begin, I would examine the response-time charts to find precisely when the slowness began, and whether it hit all ' +
  'calls or just a few. Next I would line that instant up against the release history, since a deployment is the usual ' +
  'culprit. Should a release coincide, I would compare the database statements it altered and execute an EXPLAIN ANALYZE ' +
  'to catch an absent index or a full table scan. When no release happened, I would inspect the cache and database hit ' +
  'ratios and the mix of requests, because one large new client can alter things with no change in the code.';

// Two more honest answers to the same question, written apart from the original.
export const honestTwo =
  'My first step is to confirm the problem with numbers: p95 and p99 latency for that route before and after. Then I ' +
  'check whether anything around it changed, like a library upgrade, a feature flag or a config change. I would profile ' +
  'one slow request end to end, because the time could be in our code, in a downstream service or in the network, and ' +
  'only then decide whether to roll back, add caching or fix the slow call.';

export const honestThree =
  'I would ask when people first noticed and gather a few example requests. Looking at the application metrics I would ' +
  'separate time spent in the app from time waiting on the database or external APIs. A common reason is data growth, ' +
  'so I would check table sizes and slow query logs, and also connection pool saturation, which makes every request ' +
  'wait. Once I knew the layer I would test a fix on staging and watch the numbers after release.';
// A second question, written after the figures of the first were seen, to check whether they hold: a behavioural question.
export const original2 =
  'Last spring our billing export kept failing every Monday and finance had to rebuild the numbers by hand. I offered to ' +
  'own it, read two months of logs and found the job timed out when a large customer uploaded invoices over the weekend. ' +
  'I split the export into batches, added a retry with a clear alert to our channel, and wrote a short runbook. Since then ' +
  'it has not failed once, and finance told me they save about four hours every week.';
export const reworded2 =
  'During the previous spring, our invoicing extract would break each Monday, so the accounting team needed to recreate ' +
  'the figures manually. I volunteered to take ownership, went through sixty days of log files and discovered that the ' +
  'task hit its time limit whenever a big client sent bills during the weekend. I divided the extract into chunks, ' +
  'introduced an automatic retry plus an obvious notification in our team room, and produced a brief playbook. It has ' +
  'never broken since, and accounting says they gain roughly four hours weekly.';
export const honest2a =
  'At my last job the nightly data sync to our warehouse failed about twice a week, and the analysts started their day ' +
  'with stale dashboards. Nobody owned it, so I asked my manager if I could. The root cause was a schema change upstream ' +
  'that nobody announced. I added a contract test and a Slack alert, and agreed with the upstream team on a change ' +
  'notice. Failures dropped to almost none within a month.';
export const honest2b =
  'A recurring problem I fixed was our flaky end to end test suite. Releases were delayed because people reran the ' +
  'pipeline until it passed. I collected a week of failures, grouped them and saw most came from three tests waiting on ' +
  'fixed timeouts. I rewrote them to wait for real conditions and quarantined the rest with owners. Our rerun rate fell ' +
  'from forty percent to under five, and releases went out on time again.';
