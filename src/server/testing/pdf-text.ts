import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a reader or a search would extract it, whitespace collapsed. Pieces drawn
 * side by side on one line (a font change within a word) join without a space.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    let end: { x: number; y: number } | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [x, y] = [item.transform[4] as number, item.transform[5] as number];
      const adjacent = end !== null && Math.abs(end.y - y) < 0.5 && Math.abs(x - end.x) < 0.5;
      if (end !== null && !adjacent) text += ' ';
      text += item.str;
      end = item.hasEOL ? null : { x: x + item.width, y };
      if (item.hasEOL) text += '\n';
    }
    text += '\n';
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}
