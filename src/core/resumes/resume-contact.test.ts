import { describe, expect, it } from 'vitest';
import { findEmail, findLinks, findLocation, findName, findPhone, isLocation } from './resume-contact.js';
import { sectionLines } from './resume-sections.js';

const top = (...lines: string[]) => sectionLines([...lines, 'Experience', 'Engineer, Acme, 2019 - 2021'].join('\n'));

describe('findEmail', () => {
  it('finds plain and spelled-out addresses', () => {
    expect(findEmail('Contact: jane.o-brien+jobs@mail.example.co.uk.')).toBe('jane.o-brien+jobs@mail.example.co.uk');
    expect(findEmail('jane [at] example [dot] com')).toBe('jane@example.com');
    expect(findEmail('no address here @ all')).toBeNull();
  });
});

describe('findPhone', () => {
  it.each([
    ['+1 (415) 555-0134', '+1 (415) 555-0134'],
    ['Phone: 415.555.0134', '415.555.0134'],
    ['Tel +44 20 7946 0958', '+44 20 7946 0958'],
    ['+49 (0)30 1234567', '+49 (0)30 1234567'],
    ['+91 98450 12345', '+91 98450 12345'],
    ['(555) 123-4567 ext. 89', '(555) 123-4567 ext. 89'],
    ['Mobile: +33 6 12 34 56 78', '+33 6 12 34 56 78'],
  ])('reads %s', (line, phone) => {
    expect(findPhone(top('Jane Doe', line))).toBe(phone);
  });

  it('does not take dates, years or IDs for a phone number', () => {
    expect(findPhone(top('Jane Doe', '2019 - 2021', 'Employee ID 12345678', '03/2019 - 06/2021'))).toBeNull();
  });

  it('prefers the header or a labelled number over one in the body', () => {
    const lines = sectionLines(['Jane Doe', 'Experience', 'Call center: 800-555-0100', 'Contact', 'Cell: 206 555 0199'].join('\n'));
    expect(findPhone(lines)).toBe('206 555 0199');
    expect(findPhone(sectionLines(['Jane Doe', '206 555 0199', 'Experience', 'Support line 800-555-0100'].join('\n')))).toBe(
      '206 555 0199',
    );
  });
});

describe('findLinks', () => {
  it('finds LinkedIn, GitHub and sites, with or without a scheme', () => {
    expect(findLinks('linkedin.com/in/jane-doe | github.com/janedoe | https://janedoe.dev/work | jane@janedoe.dev')).toEqual([
      { kind: 'linkedin', url: 'https://linkedin.com/in/jane-doe' },
      { kind: 'github', url: 'https://github.com/janedoe' },
      { kind: 'website', url: 'https://janedoe.dev/work' },
    ]);
  });

  it('does not take dotted technology names or the email domain for links', () => {
    expect(findLinks('Node.js, ASP.NET and Vue.js; write to jane@example.com')).toEqual([]);
  });
});

describe('findName', () => {
  it('takes the first line that reads as a name', () => {
    expect(findName(top('Resume', 'Priya Raman', 'Senior Software Engineer'))).toBe('Priya Raman');
    expect(findName(top('Jane Q. Doe | jane@example.com | 555-0100'))).toBe('Jane Q. Doe');
    expect(findName(top('Name: Luis de la Cruz'))).toBe('Luis de la Cruz');
  });

  it('gives a name in capitals in title case and drops credentials', () => {
    expect(findName(top('JAMAL WASHINGTON'))).toBe('Jamal Washington');
    expect(findName(top('Grace Whitfield, RN'))).toBe('Grace Whitfield');
    expect(findName(top("MARY-KATE O'NEILL"))).toBe("Mary-Kate O'Neill");
  });

  it('does not take a job title, a heading or contact details for a name', () => {
    expect(findName(top('Senior Data Engineer', 'jane@example.com'))).toBeNull();
    expect(findName(sectionLines('Professional Summary\nBuilt things.'))).toBeNull();
  });
});

describe('findLocation', () => {
  it.each([
    ['Austin, TX | 512-555-0100', 'Austin, TX'],
    ['San Francisco, CA 94110', 'San Francisco, CA'],
    ['Berlin, Germany', 'Berlin, Germany'],
    ['São Paulo, Brazil · +55 11 5555 0100', 'São Paulo, Brazil'],
    ['Toronto, ON', 'Toronto, ON'],
    ['Location: Remote (EU)', 'Remote (EU)'],
  ])('reads %s', (line, place) => {
    expect(findLocation(top('Jane Doe', line))).toBe(place);
  });

  it('knows a place written on a job line', () => {
    expect(isLocation('Portland, OR')).toBe(true);
    expect(isLocation('Remote')).toBe(true);
    expect(isLocation('Acme Health')).toBe(false);
  });
});
