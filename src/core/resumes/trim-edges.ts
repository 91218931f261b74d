/**
 * Strips the characters a test accepts from both ends of a text. A regex such as /[…]+$/ retries
 * at every position of a run that does not reach the end, which is quadratic on a long run of
 * dashes or dots; resumes are untrusted input, so the readers trim with this instead.
 */
export function trimEdges(text: string, leading: (ch: string) => boolean, trailing: (ch: string) => boolean = leading): string {
  let start = 0;
  let end = text.length;
  while (start < end && leading(text[start]!)) start += 1;
  while (end > start && trailing(text[end - 1]!)) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A test for one character of a regex class, e.g. `charIn(/[\s|,;:]/)`. */
export function charIn(single: RegExp): (ch: string) => boolean {
  return (ch) => single.test(ch);
}
