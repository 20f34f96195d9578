/**
 * `process.exit()`, `process.abort()` and `process.kill()` of this process,
 * called by a config file or a plugin, refused. On a linter thread exit
 * would end the thread mid-lint: the language server's lint of the doc
 * would never finish, and the command line would call it a crash. On the
 * command line's own thread it would end the run with no report and the
 * code given, 0 for a CI job that then passes unlinted; abort and kill end
 * the language server. Thrown instead, each is that file's error, said
 * with its name as any other. milestone-lint itself calls none of them.
 */
export function refuseExit(): void {
  const refused = (call: string) => new Error(`\`${call}\` was called: a config file or plugin cannot end the linter`)
  process.exit = (code?: number | string | null) => {
    throw refused(`process.exit(${code ?? ''})`)
  }
  process.abort = () => {
    throw refused('process.abort()')
  }
  const kill = process.kill.bind(process)
  process.kill = (pid: number, signal?: string | number) => {
    // This process, or its group (signal 0 only asks whether it is there).
    if ((pid === process.pid || pid === 0 || pid === -process.pid) && signal !== 0)
      throw refused(`process.kill(${pid})`)
    return kill(pid, signal)
  }
}

/**
 * An error thrown outside any lint (a plugin's timer that calls
 * `process.exit()`), said by `say` rather than ending the thread, which
 * would blame whichever file it was linting then.
 */
export function sayStrayErrors(say: (error: unknown) => void): void {
  process.on('uncaughtException', say)
  process.on('unhandledRejection', say)
}
