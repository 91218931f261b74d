import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { plainPdf, withCatalogEntries } from '../../testing/active-pdf-fixtures.js';
import { FIXTURES_DIR } from '../../testing/resume-fixtures.js';
import { findPdfActiveContent } from './pdf-active-content.js';

/** Hides a dictionary inside a compressed object stream placed before the cross-reference table. */
function withObjectStream(pdf: Buffer, dictionary: string): Buffer {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('xref');
  const body = deflateSync(Buffer.from(`99 0 ${dictionary}`, 'latin1'));
  const object = Buffer.concat([
    Buffer.from(`98 0 obj\n<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode /Length ${body.length} >>\nstream\n`, 'latin1'),
    body,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
  return Buffer.concat([Buffer.from(text.slice(0, at), 'latin1'), object, Buffer.from(text.slice(at), 'latin1')]);
}

describe('PDF active content', () => {
  it('finds nothing in plain resumes: every PDF fixture and a generated one with a web link', async () => {
    const fixtures = readdirSync(FIXTURES_DIR).filter((n) => n.endsWith('.pdf'));
    expect(fixtures.length).toBeGreaterThan(5);
    for (const name of fixtures) expect(findPdfActiveContent(readFileSync(path.join(FIXTURES_DIR, name))), name).toEqual([]);
    expect(findPdfActiveContent(await plainPdf())).toEqual([]);
  });

  it.each([
    ['JavaScript run on opening', '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>', ['javascript']],
    ['JavaScript behind #xx name escapes', '/OpenAction << /S /J#61va#53cript /J#53 (app.alert\\(1\\)) >>', ['javascript']],
    ['a launch action', '/OpenAction << /S /Launch /F (C:\\\\Windows\\\\System32\\\\cmd.exe) >>', ['launch_action']],
    ['an embedded file', '/Names << /EmbeddedFiles << /Names [(a.exe) 7 0 R] >> >>', ['embedded_file']],
    ['a form that submits itself', '/AA << /WC << /S /SubmitForm /F (https://evil.example/) >> >>', ['form_submission']],
    ['an XFA form', '/AcroForm << /XFA 9 0 R >>', ['xfa_form']],
  ])('flags %s', async (_, entries, kinds) => {
    expect(findPdfActiveContent(withCatalogEntries(await plainPdf(), entries))).toEqual(kinds);
  });

  it('flags JavaScript hidden in a compressed object stream', async () => {
    expect(findPdfActiveContent(withObjectStream(await plainPdf(), '<< /S /JavaScript /JS 12 0 R >>'))).toEqual(['javascript']);
  });

  it('flags polyglots: a zip after the end of the PDF, and HTML a browser would sniff in its first bytes', async () => {
    const zip = new JSZip();
    zip.file('payload.html', '<script>alert(1)</script>');
    const withZip = Buffer.concat([await plainPdf(), await zip.generateAsync({ type: 'nodebuffer' })]);
    expect(findPdfActiveContent(withZip)).toEqual(['polyglot']);
    const pdf = await plainPdf();
    const newline = pdf.indexOf('\n');
    const withHtml = Buffer.concat([
      pdf.subarray(0, newline + 1),
      Buffer.from('%<html><script>alert(1)</script>\n'),
      pdf.subarray(newline + 1),
    ]);
    expect(findPdfActiveContent(withHtml)).toEqual(['polyglot']);
  });

  it('accepts an incremental update (a second %%EOF) and trailing whitespace', async () => {
    const pdf = await plainPdf();
    expect(findPdfActiveContent(Buffer.concat([pdf, Buffer.from('\n% update\n%%EOF\r\n\n')]))).toEqual([]);
  });
});
