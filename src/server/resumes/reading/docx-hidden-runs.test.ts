import { describe, expect, it } from 'vitest';
import { removeHiddenRuns } from './docx-hidden-runs.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string, extra = '') => `<?xml version="1.0"?><w:document ${W}>${extra}<w:body>${body}</w:body></w:document>`;
const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;

describe('removeHiddenRuns', () => {
  it('cuts vanished, white and tiny runs and says why', () => {
    const xml = doc(
      para(
        run('Visible Python. '),
        run('Hidden Kubernetes', '<w:vanish/>'),
        run(' White Terraform', '<w:color w:val="FFFFFF"/>'),
        run(' Tiny Rust', '<w:sz w:val="6"/>'),
      ),
    );
    const result = removeHiddenRuns(xml);
    expect(result.hidden).toEqual([
      { text: 'Hidden Kubernetes', reason: 'text marked hidden in Word' },
      { text: ' White Terraform', reason: 'white text' },
      { text: ' Tiny Rust', reason: 'font under 4 pt' },
    ]);
    expect(result.xml).toContain('Visible Python.');
    expect(result.xml).not.toMatch(/Kubernetes|Terraform|Rust/);
  });

  it('keeps white text on a dark cell or shading, and runs whose vanish is switched off', () => {
    const cell = `<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:fill="1F3A5F"/></w:tcPr>${para(run('Name on a dark band', '<w:color w:val="FFFFFF"/>'))}</w:tc></w:tr></w:tbl>`;
    const shaded = para(run('Shaded white', '<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:fill="000000"/>'));
    const off = para(run('Not hidden', '<w:vanish w:val="0"/>'));
    const result = removeHiddenRuns(doc(cell + shaded + off));
    expect(result.hidden).toEqual([]);
    expect(result.xml).toContain('Name on a dark band');
  });

  it('follows character and paragraph styles, and a dark page background', () => {
    const styles = `<w:styles ${W}><w:style w:type="character" w:styleId="Ghost"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Pale"><w:basedOn w:val="Base"/></w:style><w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:color w:val="FEFEFE"/></w:rPr></w:style></w:styles>`;
    const body =
      para(run('Styled hidden', '<w:rStyle w:val="Ghost"/>')) +
      `<w:p><w:pPr><w:pStyle w:val="Pale"/></w:pPr>${run('Pale paragraph')}</w:p>`;
    expect(removeHiddenRuns(doc(body), styles).hidden.map((h) => h.reason)).toEqual(['text marked hidden in Word', 'white text']);
    const dark = doc(para(run('White on a black page', '<w:color w:val="FFFFFF"/>')), '<w:background w:color="000000"/>');
    expect(removeHiddenRuns(dark).hidden).toEqual([]);
  });

  it('does not read a paragraph mark’s properties as a run’s', () => {
    const body = `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run('Visible text')}</w:p>`;
    expect(removeHiddenRuns(doc(body)).hidden).toEqual([]);
  });
});
