import PDFDocument from 'pdfkit';

/** A one-page resume PDF with a web link and nothing active in it. */
export function plainPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(18).text('Mira Okafor');
  doc.fontSize(11).text('Backend engineer. JavaScript, TypeScript, PostgreSQL; launched a billing service.');
  doc.text('LinkedIn', { link: 'https://www.linkedin.com/in/mira-okafor' });
  doc.end();
  return done;
}

/** Adds entries to the document catalog, as an editing tool or an attacker would. */
export function withCatalogEntries(pdf: Buffer, entries: string): Buffer {
  const text = pdf.toString('latin1');
  const at = text.indexOf('/Type /Catalog');
  if (at < 0) throw new Error('no catalog');
  return Buffer.from(text.slice(0, at) + `/Type /Catalog ${entries} ` + text.slice(at + '/Type /Catalog'.length), 'latin1');
}
