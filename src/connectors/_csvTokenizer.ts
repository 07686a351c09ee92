/**
 * The CSV kernel shared by `parseCsv` (whole strings) and the Node `readCsv` (streamed chunks):
 * RFC 4180 records with quoted fields, doubled quotes, newlines inside quotes, LF / CRLF / CR line
 * ends, and the physical line number where each record starts. It is fed decoded text in pieces and
 * keeps the unfinished tail of the last record for the next piece, so a record may span chunks.
 *
 * One pass over the characters, no regular expressions, no backtracking: time is linear in the input.
 *
 * @internal
 * @module
 */

/** Receives the tokenizer's output. */
export interface CsvRecordSink {
  /**
   * A complete record: its fields and the line where it starts (1-based). The array is reused for
   * the next record: copy what must outlive the call.
   */
  record(fields: string[], line: number): void;
  /** A record that cannot be read as CSV, with the line where it starts and the reason. */
  malformed(line: number, reason: string): void;
  /** A blank line (skipped, counted). */
  empty(line: number): void;
}

const LF = 10;
const CR = 13;

/** Incremental RFC 4180 tokenizer. */
export class CsvTokenizer {
  private carry = '';
  /** Line number where the next unread record starts. */
  private line = 1;
  private readonly delim: number;
  private readonly quote: number;
  private readonly quoteChar: string;
  private readonly fields: string[] = [];

  constructor(delimiter: string, quote: string) {
    this.delim = delimiter.charCodeAt(0);
    this.quote = quote.charCodeAt(0);
    this.quoteChar = quote;
  }

  /**
   * Tokenizes `text` appended to the kept tail. With `final`, the input ends here: an unterminated
   * quoted field becomes a malformed record instead of waiting for more text.
   */
  feed(text: string, final: boolean, out: CsvRecordSink): void {
    const s = this.carry.length > 0 ? this.carry + text : text;
    this.carry = '';
    const n = s.length;
    const D = this.delim;
    const Q = this.quote;
    const qc = this.quoteChar;
    let i = 0;
    let line = this.line;
    while (i < n) {
      const recStart = i;
      const recLine = line;
      const c0 = s.charCodeAt(i);
      if (c0 === LF || c0 === CR) {
        // A blank line.
        if (c0 === CR) {
          if (i + 1 >= n && !final) {
            this.carry = s.slice(i);
            this.line = line;
            return;
          }
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        line++;
        out.empty(recLine);
        continue;
      }
      const fields = this.fields;
      fields.length = 0;
      let incomplete = false;
      let bad: string | null = null;
      for (;;) {
        // One field starting at i.
        if (i < n && s.charCodeAt(i) === Q) {
          let j = i + 1;
          let seg = j;
          let value = '';
          let closed = -1;
          for (;;) {
            const k = s.indexOf(qc, j);
            if (k < 0) break;
            if (k + 1 < n && s.charCodeAt(k + 1) === Q) {
              value += s.slice(seg, k + 1);
              j = k + 2;
              seg = j;
              continue;
            }
            if (k + 1 >= n && !final) break; // the next piece may start with the second quote
            value += s.slice(seg, k);
            closed = k;
            break;
          }
          if (closed < 0) {
            if (!final) {
              incomplete = true;
              break;
            }
            // Unterminated quote at the end of the input: the rest of the input is this record.
            for (let p = i; p < n; p++) if (s.charCodeAt(p) === LF || (s.charCodeAt(p) === CR && s.charCodeAt(p + 1) !== LF)) line++;
            i = n;
            bad = 'a quoted field is not closed before the end of the input';
            break;
          }
          for (let p = i + 1; p < closed; p++) {
            const ch = s.charCodeAt(p);
            if (ch === LF || (ch === CR && s.charCodeAt(p + 1) !== LF)) line++;
          }
          fields.push(value);
          i = closed + 1;
          if (i >= n) {
            if (!final) {
              incomplete = true;
              break;
            }
            break;
          }
          const c = s.charCodeAt(i);
          if (c === D) {
            i++;
            continue;
          }
          if (c === LF || c === CR) break;
          bad = `unexpected character after the closing quote of field ${fields.length}`;
          // Skip the rest of the physical line.
          let e = i;
          while (e < n && s.charCodeAt(e) !== LF && s.charCodeAt(e) !== CR) e++;
          if (e >= n && !final) {
            incomplete = true;
            break;
          }
          i = e;
          break;
        }
        let j = i;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === D || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) {
          incomplete = true;
          break;
        }
        fields.push(s.slice(i, j));
        if (j < n && s.charCodeAt(j) === D) {
          i = j + 1;
          if (i >= n && final) {
            fields.push('');
            break;
          }
          continue;
        }
        i = j;
        break;
      }
      if (incomplete) {
        this.carry = s.slice(recStart);
        this.line = recLine;
        return;
      }
      // i is at a line end or at the end of the input.
      if (i < n) {
        if (s.charCodeAt(i) === CR) {
          if (i + 1 >= n && !final) {
            this.carry = s.slice(recStart);
            this.line = recLine;
            return;
          }
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        line++;
      }
      if (bad !== null) out.malformed(recLine, bad);
      else out.record(fields, recLine);
    }
    this.line = line;
  }
}
