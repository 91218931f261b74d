import { describe, expect, it } from 'vitest';
import { layoutPage, type PlacedText } from './pdf-layout.js';

/** A line of text at (x, y) in 10-point type, about 5 points per character. */
const t = (text: string, x: number, y: number, size = 10): PlacedText => ({ text, x, y, width: text.length * size * 0.5, size });

describe('layoutPage', () => {
  it('orders lines top to bottom and words left to right, whatever the item order', () => {
    expect(layoutPage([t('world', 80, 700), t('second line', 50, 686), t('Hello', 50, 700)])).toBe('Hello world\nsecond line');
  });

  it('keeps right-aligned dates on their line, separated by a tab', () => {
    expect(layoutPage([t('Engineer, Acme', 50, 700), t('Jan 2020 – Present', 470, 700)])).toBe('Engineer, Acme\tJan 2020 – Present');
  });

  it('puts a blank line where the vertical gap is tall', () => {
    expect(layoutPage([t('EXPERIENCE', 50, 700), t('Engineer', 50, 688), t('EDUCATION', 50, 650)])).toBe(
      'EXPERIENCE\nEngineer\n\nEDUCATION',
    );
  });

  it('reads a sidebar before the main column', () => {
    const items: PlacedText[] = [t('Jane Doe', 50, 740, 20)];
    const sidebar = ['SKILLS', 'Python', 'SQL', 'Tableau', 'EDUCATION', 'BSc Mathematics', 'University of Leeds'];
    const main = [
      'EXPERIENCE',
      'Data Scientist, Kestrel Retail',
      'Forecast weekly demand for stores',
      'Presented results to directors',
      'Analyst, Brightwater',
      'Built pricing models for policies',
    ];
    sidebar.forEach((line, i) => items.push(t(line, 50, 700 - i * 13, 9)));
    main.forEach((line, i) => items.push(t(line, 240, 702 - i * 14)));
    const text = layoutPage(items);
    expect(text.indexOf('University of Leeds')).toBeLessThan(text.indexOf('EXPERIENCE'));
    expect(text).toContain('Data Scientist, Kestrel Retail\nForecast weekly demand for stores');
    expect(text.startsWith('Jane Doe')).toBe(true);
  });

  it('reads a table of dates and entries row by row', () => {
    const items: PlacedText[] = [t('WORK EXPERIENCE', 50, 720)];
    const rows: [string, string, string][] = [
      ['2021 – Present', 'Senior Designer, Maple Studio', 'Led the booking flow redesign'],
      ['2019 – 2021', 'Designer, Tidewater Health', 'Ran usability sessions with nurses'],
      ['2016 – 2019', 'UX Designer, Lumiere', 'Designed onboarding for an app'],
    ];
    rows.forEach(([dates, title, bullet], i) => {
      items.push(t(dates, 50, 700 - i * 26), t(title, 170, 700 - i * 26), t(bullet, 170, 688 - i * 26));
    });
    expect(layoutPage(items)).toBe(
      [
        'WORK EXPERIENCE',
        '2021 – Present\tSenior Designer, Maple Studio',
        'Led the booking flow redesign',
        '2019 – 2021\tDesigner, Tidewater Health',
        'Ran usability sessions with nurses',
        '2016 – 2019\tUX Designer, Lumiere',
        'Designed onboarding for an app',
      ].join('\n'),
    );
  });
});
