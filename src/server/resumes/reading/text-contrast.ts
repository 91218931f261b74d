/** WCAG relative luminance of "#rrggbb" or "rrggbb". */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.replace(/^#/, ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast under 1.25:1 is unreadable: #f0f0f0 on white is, #d0d0d0 is pale but there. */
export function lowContrast(foreground: string, background: string): boolean {
  const a = luminance(foreground);
  const b = luminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) < 1.25;
}

/** The reason given for text painted in (nearly) its background's colour. */
export function colourReason(foreground: string): string {
  return luminance(foreground) > 0.85 ? 'white text' : 'text in the background colour';
}
