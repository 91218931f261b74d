import { describe, expect, it } from 'vitest';
import { htmlToText } from './docx-html-text.js';

describe('htmlToText', () => {
  it('keeps headings, paragraphs and list items on their own lines', () => {
    expect(htmlToText('<h1>Jane Doe</h1><p>Engineer &amp; writer</p><h2>Skills</h2><ul><li>Python</li><li>SQL</li></ul>')).toBe(
      'Jane Doe\nEngineer & writer\n\nSkills\n• Python\n• SQL',
    );
  });

  it('reads a table row as one line of cells, with further paragraphs of a cell below it', () => {
    const html =
      '<table><tr><td><p>2019 – 2021</p></td><td><p><strong>Designer, Studio</strong></p><ul><li>Led the redesign</li></ul></td></tr>' +
      '<tr><td><p>2016 – 2019</p></td><td><p>Intern, Agency</p></td></tr></table>';
    expect(htmlToText(html)).toBe('2019 – 2021\tDesigner, Studio\n• Led the redesign\n2016 – 2019\tIntern, Agency');
  });
});
