import { describe, expect, it } from 'vitest';
import { codingFocusOf } from './coding-focus.js';

describe('codingFocusOf', () => {
  it('hears SQL in a data role and in a job that names a database', () => {
    expect(codingFocusOf('Data Analyst').sql).toBe(true);
    expect(codingFocusOf('You will write reports on our PostgreSQL warehouse for the finance team.').sql).toBe(true);
    expect(codingFocusOf('Backend Engineer').sql).toBe(false);
  });

  it('tells a job that asks for programming from one that asks only for SQL', () => {
    expect(codingFocusOf('Data Analyst: dashboards and SQL reporting').programming).toBe(false);
    expect(codingFocusOf('Backend developer, Python and PostgreSQL')).toMatchObject({ sql: true, programming: true });
  });

  it('finds the topics a job’s work resembles, and none in a job that names none', () => {
    expect(codingFocusOf('Build route planning over our delivery network and a priority queue of jobs').topics).toEqual(
      expect.arrayContaining(['graphs', 'heaps']),
    );
    expect(codingFocusOf('We build a search engine: tokenizers and parsers').topics).toContain('strings');
    expect(codingFocusOf('Frontend Engineer, React').topics).toEqual([]);
  });
});
