/**
 * The VS Code extension in a real VS Code (`npm run test:vscode`, after
 * `npm run package:vscode`): the `.vsix` installed into code-server as the
 * README says, VS Code opened in headless Chromium (playwright-core), a
 * user's steps with the keyboard. In a folder with only the example docs
 * the bundled server runs: the Problems panel lists what `milestone-lint`
 * reports, a quick fix from the light bulb fixes its line, saving with the
 * README's settings applies the fixes `--fix` makes, and the commands show
 * the schema and write a new doc as the command line does. In a project
 * that has the package installed, the project's copy runs. Screenshots go
 * to test-artifacts/vscode/. code-server comes from
 * scripts/install-code-server.sh (`CODE_SERVER_HOME`).
 */
import {type ChildProcess, execFileSync, spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {homedir} from 'node:os'
import path from 'node:path'
import {type Browser, type Page, chromium} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cliPath, makeProject, makeTemporary, removeProjects, repoRoot} from '../project.js'
import {readmeBlock, readmeBlockAfter} from '../readme.js'

const codeServerHome = process.env.CODE_SERVER_HOME ?? path.join(homedir(), '.cache/remark-lint-milestone/code-server')
const codeServer = path.join(codeServerHome, 'node_modules/.bin/code-server')
const vsix = path.join(repoRoot, 'editors/vscode/milestone-lint.vsix')
const artifacts = path.join(repoRoot, 'test-artifacts/vscode')
const defective = 'milestone-2-public-launch.md'
const markLine = '- ✔ Failed payments downgrade the workspace within one hour'

/** What code-server needs of this machine, set up by the scripts the README names. */
function checkSetup(): void {
  if (!existsSync(codeServer)) {
    throw new Error(`No code-server at ${codeServer}: run scripts/install-code-server.sh (or set CODE_SERVER_HOME)`)
  }
  if (!existsSync(vsix)) throw new Error(`No ${vsix}: run \`npm run package:vscode\` (\`npm run test:vscode\` does)`)
}

/** A VS Code session: code-server on a free port, its own extensions and settings, and a browser page on a folder. */
class Session {
  page!: Page
  private server: ChildProcess | undefined
  private browser: Browser | undefined
  readonly data: string

  constructor(readonly folder: string) {
    this.data = makeTemporary('milestone-lint-vscode-')
  }

  async open(): Promise<void> {
    const extensions = path.join(this.data, 'extensions')
    const user = path.join(this.data, 'user')
    mkdirSync(path.join(user, 'User'), {recursive: true})
    // Only what a test run needs: no trust prompt, welcome page, tips or telemetry.
    const settings = {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false
    }
    writeFileSync(path.join(user, 'User/settings.json'), JSON.stringify(settings))
    // The README's install line, with code-server for `code` (they take the same flags).
    const install = readmeBlock('npm run package:vscode').split('\n')[1]!
    const [code, ...args] = install.split(' ')
    expect(code).toBe('code')
    execFileSync(codeServer, [...args, '--extensions-dir', extensions, '--user-data-dir', user], {
      cwd: repoRoot,
      stdio: 'pipe'
    })
    const port = await freePort()
    this.server = spawn(
      codeServer,
      [
        '--auth=none',
        `--bind-addr=127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        `--extensions-dir=${extensions}`,
        `--user-data-dir=${user}`,
        this.folder
      ],
      {stdio: ['ignore', 'pipe', 'pipe']}
    )
    await listening(this.server)
    this.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run'
      ]
    })
    this.page = await this.browser.newPage({viewport: {width: 1400, height: 900}})
    await this.page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(this.folder)}`)
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', {timeout: 120_000})
  }

  async close(): Promise<void> {
    await this.browser?.close()
    this.server?.kill()
  }

  /** Open a file from the explorer, as a user double-clicks it. */
  async openFile(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', {hasText: name}).dblclick()
    await this.page.waitForSelector(`.tab.active[aria-label^="${name}"]`)
  }

  /** Wait until the status bar's problems item says this (`Warnings: 20`). */
  async problems(label: string): Promise<void> {
    const item = this.page.locator('#status\\.problems')
    try {
      await this.page.waitForSelector(`#status\\.problems[aria-label="${label}"]`, {timeout: 120_000})
    } catch {
      // What was shown instead, and what the extension said, say why.
      throw new Error(
        `The status bar says ${await item.getAttribute('aria-label')}, not ${label}; the output channel:\n${this.channel()}`
      )
    }
  }

  /** Run a command from the command palette. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1')
    await this.page.waitForSelector('.quick-input-widget input:focus')
    await this.page.keyboard.type(title)
    await this.page.locator('.quick-input-list .monaco-list-row.focused', {hasText: title}).waitFor()
    await this.page.keyboard.press('Enter')
  }

  /** Put the cursor at a line and column (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click()
    await this.page.keyboard.press('Control+G')
    await this.page.waitForSelector('.quick-input-widget input:focus')
    await this.page.keyboard.type(`${line}:${column}`)
    await this.page.keyboard.press('Enter')
  }

  /** The text of the active editor's rendered line that contains `part`. */
  async renderedLine(part: string): Promise<string | undefined> {
    const lines = await this.page.locator('.editor-instance .monaco-editor .view-line').allInnerTexts()
    return lines.map((line) => line.replaceAll('\u00A0', ' ')).find((line) => line.includes(part))
  }

  /** What the extension wrote to its output channel ("Milestone Lint"). */
  channel(): string {
    const logs = path.join(this.data, 'user', 'logs')
    const files = readdirSync(logs, {recursive: true, encoding: 'utf8'}).filter((file) =>
      file.endsWith('Milestone Lint.log')
    )
    return files.map((file) => readFileSync(path.join(logs, file), 'utf8')).join('')
  }
}

/** The example docs alone (no package installed: the extension's own server runs). */
function exampleFolder(): string {
  const folder = makeTemporary('milestone-lint-example-')
  cpSync(path.join(repoRoot, 'fixtures/example'), folder, {recursive: true})
  return folder
}

/** What the command line reports for a doc, as the Problems panel shows each message. */
function cliProblems(folder: string, file: string): string[] {
  const output = execFileSync(process.execPath, [cliPath, '--report', 'json', '--no-frail', file], {
    cwd: folder,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const [linted] = JSON.parse(output) as Array<{
    messages: Array<{reason: string; source: string; ruleId: string; line: number; column: number}>
  }>
  return linted!.messages.map(
    (message) => `${message.reason}${message.source}${message.ruleId}[Ln ${message.line}, Col ${message.column}]`
  )
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || !address) throw new Error('no free port')
  return address.port
}

/** Resolves once code-server says it serves; rejects if it exits first. */
function listening(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = ''
    server.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString()
      if (said.includes('HTTP server listening')) resolve()
    })
    server.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()))
    server.on('exit', (code) => {
      reject(new Error(`code-server exited (${code}): ${said}`))
    })
  })
}

beforeAll(() => {
  checkSetup()
  mkdirSync(artifacts, {recursive: true})
})

afterAll(() => {
  removeProjects()
})

describe('the extension, in code-server', () => {
  it('lists the messages, fixes a line from the light bulb, fixes on save, runs its commands', async () => {
    const folder = exampleFolder()
    // The README's settings, as the workspace's .vscode/settings.json.
    mkdirSync(path.join(folder, '.vscode'))
    writeFileSync(path.join(folder, '.vscode/settings.json'), readmeBlockAfter('Settings, in', 'json'))
    const expected = cliProblems(folder, defective)
    expect(expected).toHaveLength(20)
    const session = new Session(folder)
    try {
      await session.open()
      await session.openFile(defective)
      await session.problems(`Warnings: ${expected.length}`)
      // The output channel starts as the README shows it: each line after its time, `…` for any text.
      const said = readmeBlockAfter('which needs no network', 'text').trimEnd().split('\n')
      const pattern = said
        .map((line) => String.raw`\S+ \S+ ` + line.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&').replaceAll('…', '.*'))
        .join('\n')
      await expect.poll(() => session.channel()).toMatch(new RegExp('^' + pattern + '\n'))

      // The Problems panel: each message as the command line reports it.
      await session.page.keyboard.press('Control+Shift+M')
      const rows = session.page.locator('.markers-panel .monaco-list-row[aria-level="2"]')
      await rows.first().waitFor()
      const shown = await rows.allTextContents()
      expect(shown.length).toBeGreaterThanOrEqual(10)
      for (const row of shown) expect(expected).toContain(row)
      expect(shown).toContain(
        'Unexpected success criterion mark `✔`, expected `✅`remark-lintmilestone-success-criteria[Ln 61, Col 3]'
      )

      // The squiggles, at the line the quick fix is for.
      await session.goTo(61, 3)
      expect(await session.renderedLine('Failed payments downgrade')).toBe(markLine)
      await session.page.screenshot({path: path.join(artifacts, 'problems.png')})

      // The light bulb's fix (Ctrl+.), its preferred action first.
      await session.page.keyboard.press('Control+.')
      const fix = session.page.locator('.action-widget .monaco-list-row.focused')
      await expect.poll(() => fix.getAttribute('aria-label')).toBe('Replace `✔` with `✅`')
      await session.page.keyboard.press('Enter')
      await session.problems(`Warnings: ${expected.length - 1}`)
      expect(await session.renderedLine('Failed payments downgrade')).toBe(markLine.replace('✔', '✅'))

      // Saving applies every certain fix (milestoneLint.fixOnSave): the text `--fix` writes.
      const fixed = exampleFolder()
      execFileSync(process.execPath, [cliPath, '--fix', '--no-frail', defective], {cwd: fixed, stdio: 'pipe'})
      const left = cliProblems(fixed, defective)
      await session.page.keyboard.press('Control+S')
      await session.problems(`Warnings: ${left.length}`)
      expect(readFileSync(path.join(folder, defective), 'utf8')).toBe(readFileSync(path.join(fixed, defective), 'utf8'))

      // Show derived schema: the schema `milestone-lint-schema` prints for the bundled template.
      await session.command('Milestone Lint: Show derived schema')
      await session.page.waitForSelector('.tab.active[aria-label^="Untitled-1"]')
      const schema = JSON.parse(
        execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli/schema.js')], {encoding: 'utf8'})
      ) as {title: string}
      expect(await session.renderedLine('"title"')).toBe(`  "title": "${schema.title}",`)

      // New milestone doc: the file `milestone-lint new` writes, opened.
      await session.command('Milestone Lint: New milestone doc')
      await session.page.waitForSelector('.quick-input-widget input:focus')
      await session.page.keyboard.type('milestone-3-scale.md')
      await session.page.keyboard.press('Enter')
      await session.page.waitForSelector('.tab.active[aria-label^="milestone-3-scale.md"]')
      const other = exampleFolder()
      execFileSync(process.execPath, [cliPath, 'new', 'milestone-3-scale.md'], {cwd: other, stdio: 'pipe'})
      expect(readFileSync(path.join(folder, 'milestone-3-scale.md'), 'utf8')).toBe(
        readFileSync(path.join(other, 'milestone-3-scale.md'), 'utf8')
      )
      await expect
        .poll(() => session.channel())
        .toContain('milestone-lint: wrote milestone-3-scale.md from the bundled template')
    } finally {
      await session.page.screenshot({path: path.join(artifacts, 'last.png')}).catch(() => undefined)
      await session.close()
    }
  })

  it("runs the project's own remark-lint-milestone when it is installed", async () => {
    const project = makeProject()
    const session = new Session(project)
    try {
      await session.open()
      await session.page.locator('.explorer-folders-view .monaco-list-row', {hasText: 'docs'}).click()
      await session.openFile(defective)
      await session.problems(`Warnings: ${cliProblems(path.join(project, 'docs'), defective).length}`)
      await expect
        .poll(() => session.channel())
        .toContain(
          `running the workspace's remark-lint-milestone 0.1.0: ${path.join(repoRoot, 'dist/cli/language-server.js')}`
        )
    } finally {
      await session.close()
    }
  })
})
