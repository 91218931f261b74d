import { describe, expect, it } from 'vitest';
import { findEducation } from './resume-education.js';
import { sectionLines } from './resume-sections.js';

// Written before the code that reads them: qualifications from outside the US/UK university
// pattern (vocational levels, bootcamps, apprenticeships, other countries' degrees, school
// leaving qualifications, online certificates), each in the shape people write them.
const education = (...body: string[]) => findEducation(sectionLines(['Sam Rivera', 'Education', ...body].join('\n')));

describe('qualifications beyond university degrees', () => {
  it.each([
    [
      'NVQ Level 2 in Hospitality Supervision — Westfield College, 2014',
      'NVQ Level 2 in Hospitality Supervision',
      'Westfield College',
      2014,
    ],
    ['Full-Stack Web Development Bootcamp, Le Wagon Berlin (2022)', 'Full-Stack Web Development Bootcamp', 'Le Wagon Berlin', 2022],
    ['BTEC Extended Diploma in IT | Barnfield College | 2012', 'BTEC Extended Diploma in IT', 'Barnfield College', 2012],
    [
      'Apprenticeship in Mechatronics, Siemens Technik Akademie, 2015–2018',
      'Apprenticeship in Mechatronics',
      'Siemens Technik Akademie',
      2018,
    ],
    [
      'Licenciatura en Administración de Empresas — Universidad de Guadalajara — 2011',
      'Licenciatura en Administración de Empresas',
      'Universidad de Guadalajara',
      2011,
    ],
    [
      'Foundation Degree in Early Years Education, University Centre Leeds, 2017',
      'Foundation Degree in Early Years Education',
      'University Centre Leeds',
      2017,
    ],
    [
      'City & Guilds Level 3 Plumbing, Leeds College of Building, 2009',
      'City & Guilds Level 3 Plumbing',
      'Leeds College of Building',
      2009,
    ],
    ['PGCE Secondary Mathematics, University of Exeter, 2018', 'PGCE Secondary Mathematics', 'University of Exeter', 2018],
    ['Nanodegree in Data Engineering — Udacity, 2021', 'Nanodegree in Data Engineering', 'Udacity', 2021],
    [
      'Diplom-Ingenieur Maschinenbau, Technische Universität München, 2010',
      'Diplom-Ingenieur Maschinenbau',
      'Technische Universität München',
      2010,
    ],
  ])('%s', (line, degree, institution, year) => {
    expect(education(line)).toEqual([{ degree, institution, year }]);
  });

  it('reads a qualification whose school is on the next line', () => {
    expect(education('HNC Electrical Engineering', 'Glasgow Kelvin College', 'Sept 2013 – June 2015')).toEqual([
      { degree: 'HNC Electrical Engineering', institution: 'Glasgow Kelvin College', year: 2015 },
    ]);
  });

  it('does not read levels of skills or job titles as qualifications', () => {
    expect(education('Spanish — Level B2', 'Apprentice electrician mentor, 2019')).toEqual([]);
  });
});
