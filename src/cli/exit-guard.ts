/**
 * `process.exit()`, called by a config file or a plugin, refused. On a
 * linter thread it would end the thread mid-lint: the language server's
 * lint of the doc would never finish, and the command line would call it a
 * crash. On the command line's own thread it would end the run with no
 * report and the code given, 0 for a CI job that then passes unlinted.
 * Thrown instead, it is that file's error, said with its name as any other.
 * milestone-lint itself never calls it.
 */
export function refuseExit(): void {
  process.exit = (code?: number | string | null) => {
    throw new Error(`\`process.exit(${code ?? ''})\` was called: a config file or plugin cannot end the linter`)
  }
}
