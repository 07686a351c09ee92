/**
 * Pulls the ```ts blocks out of `@example` tags in doc comments: shared by the example runner
 * (test/docs) and the example-seeded fuzz (test/fuzz).
 */

/** One ```ts block of an `@example`. */
export interface Example {
  file: string;
  line: number;
  code: string;
}

/** Pulls ```ts blocks that sit inside an @example tag of a /** … *\/ comment. */
export function extractExamples(file: string, source: string): Example[] {
  const out: Example[] = [];
  const commentRe = /\/\*\*([\s\S]*?)\*\//g;
  let m: RegExpExecArray | null;
  while ((m = commentRe.exec(source))) {
    const body = m[1]!;
    const startLine = source.slice(0, m.index).split('\n').length;
    const lines = body.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    let inExample = false;
    let inCode = false;
    let buf: string[] = [];
    let codeLine = 0;
    lines.forEach((l, i) => {
      if (/^@example\b/.test(l.trim())) inExample = true;
      else if (/^@\w+/.test(l.trim()) && !inCode) inExample = false;
      if (!inExample) return;
      if (!inCode && /^```(ts|typescript)\s*$/.test(l.trim())) {
        inCode = true;
        buf = [];
        codeLine = startLine + i + 1;
      } else if (inCode && l.trim() === '```') {
        inCode = false;
        out.push({ file, line: codeLine, code: buf.join('\n') });
      } else if (inCode) buf.push(l);
    });
  }
  return out;
}

