/** A connection URL safe to print: the password (in the authority or the query) is removed. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Printing an unparseable URL could print a password; say what it is instead.
    return "(a PostgreSQL URL that could not be parsed)";
  }
  parsed.password = "";
  for (const key of ["password", "sslpassword"]) parsed.searchParams.delete(key);
  return parsed.toString();
}
