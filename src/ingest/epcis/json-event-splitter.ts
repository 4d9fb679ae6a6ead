/**
 * A small streaming splitter for EPCIS JSON documents: it hands over the text of each event in
 * `epcisBody.eventList` (or `epcisBody.queryResults.resultsBody.eventList`) as soon as its closing
 * brace arrives, and keeps everything else (the "skeleton": @context, header, …) with the event
 * list left empty. Each event's text then goes to `JSON.parse`, which is several times faster than
 * a token-level streaming parser (docs/adr/0001-epcis-streaming.md). Memory holds one event, the
 * skeleton, and one input chunk.
 */
export interface JsonSplitter {
  /** Feeds the next piece of text; returns the texts of the events it completed. */
  push(text: string): string[];
  /** The skeleton so far, closed so that it parses (used to read @context before the events). */
  preview(): string;
  /** True once the scanner has entered an event list. */
  readonly inEventList: boolean;
  /** Ends the input: the full skeleton, or why the document is incomplete. */
  end(): { readonly skeleton: string; readonly truncated: boolean; readonly strayValue: boolean };
}

const OPEN_OBJ = 123; // {
const CLOSE_OBJ = 125; // }
const OPEN_ARR = 91; // [
const CLOSE_ARR = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;

const EVENT_LIST_PATHS = ["epcisBody/eventList", "epcisBody/queryResults/resultsBody/eventList"];

/** True when the backslashes right before `end` (not counting any before `from`) are an odd run. */
function oddBackslashesBefore(text: string, end: number, from: number): boolean {
  let k = end - 1;
  while (k >= from && text.charCodeAt(k) === BACKSLASH) k--;
  return (end - 1 - k) % 2 === 1;
}

/** The index of the quote that closes a string whose content starts at `from`, or -1 past the text. */
function closingQuote(text: string, from: number): number {
  let k = text.indexOf('"', from);
  while (k !== -1 && oddBackslashesBefore(text, k, from)) k = text.indexOf('"', k + 1);
  return k;
}

interface Frame {
  readonly array: boolean;
  readonly key: string | undefined;
}

type Mode = "outside" | "list" | "event";

export function createJsonSplitter(): JsonSplitter {
  const stack: Frame[] = [];
  const skeleton: string[] = [];
  let mode: Mode = "outside";
  let inString = false;
  let escaped = false;
  let keyParts: string[] | undefined;
  let lastKey: string | undefined;
  let expectKey = false;
  let eventParts: string[] = [];
  let depth = 0;
  let seenList = false;
  let strayValue = false;

  // A function, so that TypeScript does not narrow `mode` across calls that change it.
  const currentMode = (): Mode => mode;
  const pathOf = (key: string | undefined): string =>
    [...stack.slice(1).map((f) => f.key ?? ""), key ?? ""].join("/");

  function scanString(text: string, i: number, start: number): number {
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        inString = false;
        if (keyParts) keyParts.push(text.slice(start, j));
        return j;
      }
    }
    if (keyParts) keyParts.push(text.slice(start));
    return text.length;
  }

  function outsideChar(c: number): void {
    if (c === QUOTE) {
      inString = true;
      keyParts = expectKey ? [] : undefined;
    } else if (c === COLON && keyParts) {
      lastKey = keyParts.join("");
      keyParts = undefined;
      expectKey = false;
    } else if (c === OPEN_OBJ || c === OPEN_ARR) {
      stack.push({ array: c === OPEN_ARR, key: lastKey });
      lastKey = undefined;
      expectKey = c === OPEN_OBJ;
      if (c === OPEN_ARR && stack.length >= 3 && EVENT_LIST_PATHS.includes(pathOf(undefined).slice(0, -1))) {
        mode = "list";
        seenList = true;
      }
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      stack.pop();
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = stack.at(-1)?.array === false;
      lastKey = undefined;
    }
  }

  /** Scans an event's text from `i`; returns the index after its closing brace, or -1 if it continues. */
  function scanEvent(text: string, i: number, out: string[]): number {
    const start = i;
    let j = finishString(text, i);
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        // Most of an event is string content: jump to the closing quote instead of stepping to it.
        const close = closingQuote(text, j + 1);
        if (close === -1) {
          inString = true;
          escaped = oddBackslashesBefore(text, text.length, j + 1);
          break;
        }
        j = close;
      } else if (c === OPEN_OBJ || c === OPEN_ARR) depth++;
      else if ((c === CLOSE_OBJ || c === CLOSE_ARR) && --depth === 0) {
        eventParts.push(text.slice(start, j + 1));
        out.push(eventParts.join(""));
        eventParts = [];
        mode = "list";
        return j + 1;
      }
    }
    eventParts.push(text.slice(start));
    return -1;
  }

  /** Ends a string left open by the previous piece, character by character; returns where it ended. */
  function finishString(text: string, i: number): number {
    let j = i;
    while (inString && j < text.length) {
      const c = text.charCodeAt(j);
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
      j++;
    }
    return j;
  }

  /** One character between events: `{` starts an event, `]` ends the list, anything else but separators is kept for the final parse to report. */
  function listChar(text: string, i: number): void {
    const c = text.charCodeAt(i);
    if (c === OPEN_OBJ || c === OPEN_ARR) {
      // An array is no event either, but captured whole so that its mapping reports it.
      mode = "event";
      depth = 0;
    } else if (c === CLOSE_ARR) {
      mode = "outside";
      stack.pop();
    } else if (c > 32 && c !== COMMA) {
      skeleton.push(text[i] ?? "");
      strayValue = true;
    }
  }

  function push(text: string): string[] {
    const out: string[] = [];
    let i = 0;
    let segment = 0;
    while (i < text.length) {
      if (mode === "event") {
        const next = scanEvent(text, i, out);
        if (next === -1) return out;
        i = next;
      } else if (mode === "list") {
        listChar(text, i);
        segment = currentMode() === "outside" ? i : i + 1;
        if (currentMode() !== "event") i++;
      } else if (inString) {
        i = scanString(text, i, i) + 1;
      } else {
        outsideChar(text.charCodeAt(i));
        i++;
        if (currentMode() === "list") {
          skeleton.push(text.slice(segment, i));
          segment = i;
        }
      }
    }
    if (mode === "outside") skeleton.push(text.slice(segment));
    return out;
  }

  function closers(): string {
    const extra = keyParts ? '"' : "";
    return (
      extra +
      [...stack]
        .reverse()
        .map((f) => (f.array ? "]" : "}"))
        .join("")
    );
  }

  return {
    push,
    preview: () => skeleton.join("") + closers(),
    get inEventList() {
      return seenList;
    },
    end: () => ({
      skeleton: skeleton.join(""),
      truncated: mode !== "outside" || stack.length > 0 || inString,
      strayValue,
    }),
  };
}
