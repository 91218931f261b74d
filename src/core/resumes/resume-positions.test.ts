import { describe, expect, it } from 'vitest';
import { formatResumeDate } from './resume-dates.js';
import { findPositions } from './resume-positions.js';
import { sectionLines } from './resume-sections.js';

const positions = (...body: string[]) =>
  findPositions(sectionLines(['Jane Doe', 'Experience', ...body].join('\n'))).map((p) => ({
    title: p.title,
    employer: p.employer,
    start: formatResumeDate(p.start),
    end: formatResumeDate(p.end),
  }));

describe('findPositions', () => {
  it('reads "Title | Employer | Dates" on one line', () => {
    expect(positions('Senior Backend Engineer | Lumen Payments Inc. | Jan 2020 – Present', '• Built services')).toEqual([
      { title: 'Senior Backend Engineer', employer: 'Lumen Payments Inc.', start: '2020-01', end: 'present' },
    ]);
  });

  it('reads title, employer with place, and dates on separate lines', () => {
    expect(positions('Software Engineer', 'Brightline Health, Dallas, TX', '03/2016 - 12/2019', '• Wrote services')).toEqual([
      { title: 'Software Engineer', employer: 'Brightline Health', start: '2016-03', end: '2019-12' },
    ]);
  });

  it('reads the employer above a title line that carries the dates', () => {
    expect(
      positions(
        'Peachtree Medical Supply — Atlanta, GA',
        'Regional Sales Manager\tJanuary 2019 – Present',
        '• Lead a team',
        'Summit Office Solutions — Charlotte, NC',
        'Account Executive\tApril 2014 – December 2018',
      ),
    ).toEqual([
      { title: 'Regional Sales Manager', employer: 'Peachtree Medical Supply', start: '2019-01', end: 'present' },
      { title: 'Account Executive', employer: 'Summit Office Solutions', start: '2014-04', end: '2018-12' },
    ]);
  });

  it('reads "Title at Employer" and dates first in a table row', () => {
    expect(positions('QA Engineer at Balkan Commerce Bank, 2019-03 – 2022-11')).toEqual([
      { title: 'QA Engineer', employer: 'Balkan Commerce Bank', start: '2019-03', end: '2022-11' },
    ]);
    expect(positions('2018 – 2020\tTeaching Assistant, Sunflower Learning Academy', '• Led reading groups')).toEqual([
      { title: 'Teaching Assistant', employer: 'Sunflower Learning Academy', start: '2018', end: '2020' },
    ]);
  });

  it('knows professions by their ending and a level word that is the head noun', () => {
    expect(
      positions(
        'Feb 2020 – Present | Senior Physiotherapist | Southbank Sports Clinic',
        'Jun 2012 – Jan 2020 | Warehouse Team Leader | Kirkstall Distribution',
      ),
    ).toEqual([
      { title: 'Senior Physiotherapist', employer: 'Southbank Sports Clinic', start: '2020-02', end: 'present' },
      { title: 'Warehouse Team Leader', employer: 'Kirkstall Distribution', start: '2012-06', end: '2020-01' },
    ]);
  });

  it('reads "Since 2021" as running to the present and keeps "Acme, Inc." whole', () => {
    expect(positions('Staff Engineer, Acme, Inc. (Remote) — Since 2021')).toEqual([
      { title: 'Staff Engineer', employer: 'Acme, Inc.', start: '2021', end: 'present' },
    ]);
  });

  it('does not read dated sentences, education or volunteering as jobs', () => {
    const lines = sectionLines(
      [
        'Jane Doe',
        'Experience',
        'Nurse, City Hospital, 2015 - 2020',
        '• In 2018 I led a project that cut falls by a third and trained 40 nurses between 2018 and 2019 across the hospital.',
        'Volunteer Experience',
        'Clinic Volunteer, Free Clinic, 2012 - 2014',
        'Education',
        'B.S. Nursing, State University, 2011 - 2015',
      ].join('\n'),
    );
    expect(findPositions(lines).map((p) => p.employer)).toEqual(['City Hospital']);
  });
});
