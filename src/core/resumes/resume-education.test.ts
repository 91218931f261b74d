import { describe, expect, it } from 'vitest';
import { findEducation } from './resume-education.js';
import { sectionLines } from './resume-sections.js';

const education = (...body: string[]) => findEducation(sectionLines(['Jane Doe', 'Education', ...body].join('\n')));

describe('findEducation', () => {
  it('reads degree, school and year from one line', () => {
    expect(education('B.S. in Computer Science, Oregon State University, 2015')).toEqual([
      { degree: 'B.S. in Computer Science', institution: 'Oregon State University', year: 2015 },
    ]);
    expect(education('Bachelor of Science in Nursing (BSN) — The Ohio State University — 2012 – 2016')).toEqual([
      { degree: 'Bachelor of Science in Nursing', institution: 'The Ohio State University', year: 2016 },
    ]);
  });

  it('reads an entry spread over lines', () => {
    expect(
      education(
        'MSc in Statistics',
        'University of Edinburgh',
        '2016',
        '',
        'Université Lumière Lyon 2',
        "Master's in Human Resources Management, 2017",
      ),
    ).toEqual([
      { degree: 'MSc in Statistics', institution: 'University of Edinburgh', year: 2016 },
      { degree: "Master's in Human Resources Management", institution: 'Université Lumière Lyon 2', year: 2017 },
    ]);
  });

  it('knows abbreviations but not states or words that look like them', () => {
    expect(education('Ph.D. in Physics, Boston University, Boston, MA, 2020').map((e) => e.degree)).toEqual(['Ph.D. in Physics']);
    expect(education('Worked as a tutor, Springfield College, 2014')).toEqual([]);
    expect(education('MBA, Kellogg School of Management, expected May 2026')).toEqual([
      { degree: 'MBA', institution: 'Kellogg School of Management', year: 2026 },
    ]);
  });

  it('falls back to the name after the degree when it has no school word', () => {
    expect(education('Advanced Certificate in Electrical, Cork Training Centre, 2016')).toEqual([
      { degree: 'Advanced Certificate in Electrical', institution: 'Cork Training Centre', year: 2016 },
    ]);
  });
});
