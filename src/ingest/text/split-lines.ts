/** One line of text and its 1-based line number. */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/**
 * Splits streamed text into lines (LF or CRLF), numbering them from 1, so JSON-lines importers can
 * cite "line 12". A line is never held longer than it takes to find its end.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<NumberedLine> {
  let rest = "";
  let line = 0;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    let end = text.indexOf("\n", start);
    while (end !== -1) {
      line += 1;
      yield { line, text: stripCr(text.slice(start, end)) };
      start = end + 1;
      end = text.indexOf("\n", start);
    }
    rest = text.slice(start);
  }
  if (rest) yield { line: line + 1, text: stripCr(rest) };
}

function stripCr(s: string): string {
  return s.endsWith("\r") ? s.slice(0, -1) : s;
}
