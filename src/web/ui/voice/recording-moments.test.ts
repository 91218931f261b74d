import { describe, expect, it } from 'vitest';
import { captionAtOffset } from './recording-moments.js';

describe('the moment a passage of a spoken answer was said', () => {
  const transcript = 'I added tracing first.  Then I found the missing index on orders,\nand added it. Latency fell to 300 ms.';
  const captions = [
    { start: 0, end: 2, text: 'I added tracing first.' },
    { start: 2, end: 5, text: 'Then I found the missing index on orders, and added it.' },
    { start: 5, end: 7, text: 'Latency fell to 300 ms.' },
  ];

  it('finds the caption holding an offset, across doubled spaces and line breaks', () => {
    expect(captionAtOffset(captions, transcript, 0)).toBe(0);
    expect(captionAtOffset(captions, transcript, transcript.indexOf('missing'))).toBe(1);
    expect(captionAtOffset(captions, transcript, transcript.indexOf('added it'))).toBe(1);
    expect(captionAtOffset(captions, transcript, transcript.indexOf('300'))).toBe(2);
  });

  it('does not match a later caption by a word that appears earlier', () => {
    // "I" starts two captions; the second is found after the first, not at offset 0.
    const repeated = [
      { start: 0, end: 1, text: 'I did it.' },
      { start: 1, end: 2, text: 'I shipped.' },
    ];
    expect(captionAtOffset(repeated, 'I did it. I shipped.', 4)).toBe(0);
    expect(captionAtOffset(repeated, 'I did it. I shipped.', 12)).toBe(1);
  });
});
