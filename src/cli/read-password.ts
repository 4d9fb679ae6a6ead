import { AppError } from "../app/index.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function keyOf(ch: string): "enter" | "cancel" | "erase" | "char" {
  if (ch === "\r" || ch === "\n") return "enter";
  if (ch === "\u0003") return "cancel";
  return ch === "\u007f" || ch === "\b" ? "erase" : "char";
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const done = (error?: AppError) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        const key = keyOf(ch);
        if (key === "enter") return done();
        if (key === "cancel") return done(new AppError("usage", "cancelled"));
        value = key === "erase" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}

/**
 * The new account's password: THREADPROOF_PASSWORD, else typed twice on a terminal (not
 * echoed), else the first line of stdin. Never a flag: flags land in shell history and `ps`.
 */
export async function readNewPassword(): Promise<string> {
  const fromEnv = process.env.THREADPROOF_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    const first = await promptHidden("password: ");
    const second = await promptHidden("again: ");
    if (first !== second) throw new AppError("usage", "the two passwords differ");
    return first;
  }
  const line = (await readStdin()).split(/\r?\n/)[0] ?? "";
  if (!line)
    throw new AppError(
      "usage",
      "no password: type it on a terminal, pipe it on stdin, or set THREADPROOF_PASSWORD",
    );
  return line;
}
