/**
 * Hand-written candidate answers to real bank questions (content/questions), used by the
 * evaluator tests: a good, a partial and a weak answer per question, in our own words.
 */
export interface AnswerFixture {
  questionId: string;
  good: string;
  partial: string;
  /** Fluent and long, but about something else. */
  offTopic: string;
}

export const ANSWER_FIXTURES: AnswerFixture[] = [
  {
    questionId: 'tech-sql-index-01',
    good:
      'An index is an extra structure, normally a B-tree, that stores the values of a column in sorted order with pointers back to the rows. ' +
      'So for a WHERE filter, a join or an ORDER BY the database can descend the tree in logarithmic time instead of doing a full table scan. ' +
      'The cost is on the write side: every insert, update and delete also has to update each index, and indexes take extra disk space and memory. ' +
      'With a composite index on (last_name, first_name), only queries that filter on last_name first can use it, because of the leftmost prefix rule. ' +
      'I add indexes for real slow queries and confirm with EXPLAIN that the planner actually uses them.',
    partial:
      'An index makes lookups faster because the database does not need to read every row of the table to find what a query asks for. ' +
      'It works a bit like the index at the back of a book.',
    offTopic:
      'Photosynthesis is how plants turn light into chemical energy. Chlorophyll in the leaves absorbs sunlight, water comes up from the roots, ' +
      'and carbon dioxide enters through small pores, and together they produce glucose for the plant and release oxygen into the air.',
  },
  {
    questionId: 'beh-conflict-01',
    good:
      'At my previous company a teammate and I disagreed about whether to rewrite our notification service or patch the old one before a big launch. ' +
      'I was responsible for the launch checklist, so I needed us to decide within the week. ' +
      'I asked him for a one-to-one and listened first: his concern was that the old code kept failing under load. ' +
      'I suggested we agree on what mattered most, the launch date and reliability, and we ran a load test together on the old service. ' +
      'It failed at twice the expected traffic, so we patched the two hot spots he had found and planned the rewrite for the next quarter. ' +
      'The launch went out on time with no incidents, and he told me afterwards he felt heard. I learned that testing the disagreement with data works better than arguing.',
    partial:
      'I once disagreed with a colleague about which library to use. We talked about it and decided to go with his suggestion, and the project went fine.',
    offTopic:
      'A hash map stores key-value pairs in an array of buckets. It computes a hash of the key to pick a bucket, and collisions are handled by chaining or by open addressing. ' +
      'When the load factor gets too high, the table doubles in size and every entry is rehashed, which keeps lookups constant on average.',
  },
  {
    questionId: 'sd-url-shortener-01',
    good:
      'First I would pin down requirements: shorten a long URL, redirect fast, maybe custom aliases and expiry. Redirects will outnumber new links by about a hundred to one, so the design is read heavy. ' +
      'The API is POST /links to create a code and GET /{code} which answers with a 302 redirect. ' +
      'To generate codes I would take a unique id from a sequence or an id service and encode it in base62, so seven characters are enough and there are no collisions. ' +
      'The mapping from code to URL lives in a key-value store or Postgres partitioned by code. ' +
      'Popular codes are cached in Redis and behind a CDN so most redirects never touch the database. ' +
      'Click counts go onto a queue and are aggregated separately, and I would rate-limit link creation and check URLs against malware lists to stop abuse.',
    partial:
      'I would store each code and its long URL in a database table keyed by the code, and generate the codes randomly, checking that a new code is not already taken. ' +
      'When someone opens the short link, the service looks the code up and returns a redirect to the long URL.',
    offTopic:
      'The French Revolution began in 1789 when the Estates-General met in Versailles. Economic crisis, bread prices and new political ideas led to the storming of the Bastille, ' +
      'the end of the monarchy, and years of upheaval before Napoleon took power.',
  },
  {
    questionId: 'com-explain-api-01',
    good:
      'Imagine you are in a restaurant. You do not go into the kitchen to cook; you look at the menu and tell the waiter what you want, and the waiter brings it back. ' +
      'An API is the waiter between two pieces of software: an agreed way for one program to ask another program for something and get an answer. ' +
      'For example, a weather app on your phone does not measure the weather itself. It asks a weather service through its API and shows you what comes back. ' +
      'The app does not need to know how the weather service works inside, just what it can ask for, which is the menu.',
    partial: 'An API is a way for programs to talk to each other, so one app can use data from another app.',
    offTopic:
      'Our team moved offices last spring. The new building is closer to the train station, the kitchen is bigger, and there are quiet rooms for calls, which everyone likes.',
  },
];
