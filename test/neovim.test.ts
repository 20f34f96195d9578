/**
 * The README's Neovim snippets, used as a user uses them: the Neovim on PATH
 * (Debian 12's is 0.7.2), headless, with the snippet exactly as written as its
 * init.lua, in a project that has this package installed (`npx` finds the
 * server there). It opens a defective doc, gets the diagnostics, applies a
 * quick fix through `vim.lsp.buf.code_action()` and sees that diagnostic go;
 * it saves the overview in another buffer and sees the doc linted again.
 * Each snippet runs on the Neovim versions it is for. Skipped without `nvim`
 * on PATH, except in CI.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lint, messages} from './helpers.js'
import {formatDiagnostic} from './lsp-client.js'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'
import {readmeBlockAfter} from './readme.js'

const inCi = Boolean(process.env.CI) && !/^(?:0|false)$/i.test(process.env.CI ?? '')
const probe = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
const version = /^NVIM v(\d+)\.(\d+)\.(\d+)/
  .exec(probe.error ? '' : probe.stdout)
  ?.slice(1)
  .map(Number)
const skipReason = '`nvim` is not on PATH (apt-get install neovim); CI, which sets CI, installs it'
if (!version && !inCi) console.warn(`Skipping the Neovim tests: ${skipReason}`)

interface Snippet {
  /** The README line the snippet follows. */
  marker: string
  /** The Neovim versions it is for, [major, minor]: from, and before. */
  from: [number, number]
  before?: [number, number]
  /** Where Neovim is started: the 0.11 snippet runs `npx` there. */
  startIn: 'project' | 'elsewhere'
}

const snippets: Snippet[] = [
  {marker: '**Neovim** 0.7 to 0.10', from: [0, 7], before: [0, 11], startIn: 'elsewhere'},
  {marker: '**Neovim** 0.11 or later', from: [0, 11], startIn: 'project'}
]

const defective = 'docs/milestone-2-public-launch.md'
/** The README line the fix-on-save snippet follows; it runs after the setup snippet for the Neovim on PATH. */
const fixOnSaveMarker = '**Neovim**, fix on save'
const markLine = '- ✔ Failed payments downgrade the workspace within one hour'
const markMessage = '61:3-61:4 milestone-success-criteria: Unexpected success criterion mark `✔`, expected `✅`'
/** The defective doc's link to `./milestones.md#milestone-3-scale`, a heading the overview does not have. */
const brokenFragment =
  '142:3-142:55 milestone-relative-links: Unexpected link to missing heading `#milestone-3-scale` in `./milestones.md`, expected the slug of one of its headings'
const riskMessage =
  '109:13-109:19 milestone-risk-fields: Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`'

/**
 * The test's side of Neovim: waits for the published diagnostics, applies the
 * planned quick fix as a user does (`vim.lsp.buf.code_action()`, picking the
 * fix by title in the menu), waits for the diagnostics of the fixed text and
 * writes what it saw (columns in UTF-16 code units, as LSP and the CLI count).
 * Every wait is bounded.
 */
const driver = `
local plan = vim.fn.json_decode(os.getenv('MILESTONE_NVIM_PLAN'))
local buf = vim.api.nvim_get_current_buf()
local published = 0
vim.api.nvim_create_autocmd('DiagnosticChanged', {callback = function() published = published + 1 end})

local function column(row, col)
  return vim.lsp.util.character_offset(buf, row, col, 'utf-16')
end

local function seen()
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(diagnostics, {
      range = {
        start = {line = d.lnum, character = column(d.lnum, d.col)},
        ['end'] = {line = d.end_lnum, character = column(d.end_lnum, d.end_col)},
      },
      code = d.code,
      message = d.message,
    })
  end
  return {diagnostics = diagnostics, lines = vim.api.nvim_buf_get_lines(buf, 0, -1, true)}
end

local results = {roots = {}}
local ok, err = pcall(function()
  assert(vim.wait(30000, function() return published > 0 end, 10), 'no diagnostics within 30 s')
  results.before = seen()
  for _, client in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
    table.insert(results.roots, client.config.root_dir)
  end
  -- A server that quits clears the diagnostics too.
  assert(#results.roots > 0, 'the language server is not running')
  if plan.other then
    -- Another doc, opened beside this one, edited and written: this one's diagnostics change.
    local count = #results.before.diagnostics
    vim.cmd('split ' .. vim.fn.fnameescape(vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':h') .. '/' .. plan.other.file))
    vim.api.nvim_buf_set_lines(0, -1, -1, true, plan.other.append)
    vim.cmd('write')
    assert(vim.wait(30000, function() return #vim.diagnostic.get(buf) ~= count end, 10),
      'no new diagnostics after the other doc was saved within 30 s')
    results.after = seen()
    return
  end
  if plan.save then
    local before = published
    vim.cmd('write')
    assert(vim.wait(10000, function() return published > before end, 10), 'no diagnostics after the save within 10 s')
    results.after = seen()
    return
  end
  if not plan.fix then return end

  results.offered = {}
  vim.ui.select = function(items, options, choose)
    local chosen
    for _, item in ipairs(items) do
      local title = options.format_item(item)
      table.insert(results.offered, title)
      if title == plan.fix.title then chosen = item end
    end
    choose(chosen)
  end
  vim.api.nvim_win_set_cursor(0, {plan.fix.line, plan.fix.byte})
  local before, tick = published, vim.api.nvim_buf_get_changedtick(buf)
  vim.lsp.buf.code_action(plan.fix.only and {only = plan.fix.only} or nil)
  assert(vim.wait(10000, function() return vim.api.nvim_buf_get_changedtick(buf) ~= tick end, 10),
    'the quick fix changed nothing within 10 s (offered: ' .. table.concat(results.offered, '; ') .. ')')
  assert(vim.wait(10000, function() return published > before end, 10),
    'no diagnostics for the fixed text within 10 s')
  results.after = seen()
end)
if not ok then results.error = tostring(err) end
vim.fn.writefile({vim.fn.json_encode(results)}, os.getenv('MILESTONE_NVIM_RESULTS'))
vim.cmd(ok and 'qa!' or 'cquit!')
`

interface Seen {
  diagnostics: Array<Parameters<typeof formatDiagnostic>[0]>
  lines: string[]
}

interface Results {
  error?: string
  roots: string[]
  before: Seen
  offered?: string[]
  after?: Seen
}

/** What the driver is to do besides collecting the diagnostics. */
interface Plan {
  /** Put the cursor on `line` (1-based) at `byte` (0-based) and pick the fix titled `title`. */
  fix?: {line: number; byte: number; title: string; only?: string[]}
  /** Save the doc (`:write`), and collect the diagnostics published after. */
  save?: boolean
  /** Open `file` (beside the doc) in a split, append `append` to it and save it; collect the doc's diagnostics after. */
  other?: {file: string; append: string[]}
}

const homes: string[] = []

afterAll(() => {
  removeProjects()
  for (const home of homes.splice(0)) rmSync(home, {recursive: true, force: true})
})

describe('Neovim', () => {
  it.runIf(inCi)('is on PATH in CI, in a version a snippet is for', () => {
    expect(version, skipReason).toBeDefined()
    expect(snippets.some((snippet) => isFor(snippet, version!))).toBe(true)
  })

  for (const snippet of snippets) {
    describe(`the README’s snippet after ${snippet.marker}`, () => {
      const skip = version ? !isFor(snippet, version) : !inCi
      const why = version ? `nvim on PATH is ${version.join('.')}` : skipReason
      const init = readmeBlockAfter(snippet.marker)

      beforeAll(() => {
        if (!version) throw new Error('`nvim` is not on PATH, but CI is set: CI must install it (see .ci/run)')
      })

      it.skipIf(skip)(
        skip
          ? `publishes diagnostics and applies a quick fix (skipped: ${why})`
          : 'publishes the diagnostics `milestone-lint` reports, and a quick fix takes away its own',
        async () => {
          const plan: Plan = {fix: {line: 61, byte: 2, title: 'Replace `✔` with `✅`'}}
          const {project, results} = await runNeovim(init, snippet.startIn, plan)
          expect(results.error).toBeUndefined()
          expect(results.roots).toEqual([project])

          const programmatic = messages(
            await lint(path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md'))
          )
          const before = results.before.diagnostics.map(formatDiagnostic).sort()
          expect(before).toEqual([...programmatic].sort())
          expect(before).toHaveLength(20)
          expect(before).toContain(markMessage)
          expect(before).toContain(riskMessage)

          // Only the reported `✔` changed, in the buffer…
          expect(results.offered).toEqual(['Replace `✔` with `✅`'])
          expect(results.before.lines[60]).toBe(markLine)
          expect(results.after?.lines).toEqual(
            results.before.lines.map((text, index) => (index === 60 ? markLine.replace('✔', '✅') : text))
          )
          // …and only its diagnostic went.
          const after = results.after?.diagnostics.map(formatDiagnostic).sort()
          expect(after).toEqual(before.filter((message) => message !== markMessage))
        },
        120_000
      )

      it.skipIf(skip)(
        skip
          ? `sends its settings (skipped: ${why})`
          : 'sends its settings: with `{requireConfig = true}` and no config file, nothing is linted',
        async () => {
          expect(init.split('vim.empty_dict()')).toHaveLength(2)
          const settings = init.replace('vim.empty_dict()', '{requireConfig = true}')
          const {project, results} = await runNeovim(settings, snippet.startIn, {})
          expect(results.error).toBeUndefined()
          expect(results.roots).toEqual([project])
          expect(results.before.diagnostics).toEqual([])
        },
        120_000
      )
    })
  }
})

describe('Neovim, fix on save', () => {
  const snippet = snippets.find((one) => version && isFor(one, version))
  const why = version ? `no snippet is for nvim ${version.join('.')}` : skipReason

  it.skipIf(!snippet)(
    snippet
      ? 'the README’s BufWritePre snippet writes the text `milestone-lint --fix` writes, and only what needs a person is left'
      : `fixes on save (skipped: ${why})`,
    async () => {
      const init = readmeBlockAfter(snippet!.marker) + '\n' + readmeBlockAfter(fixOnSaveMarker)
      const {project, results} = await runNeovim(init, snippet!.startIn, {save: true})
      expect(results.error).toBeUndefined()
      const saved = readFileSync(path.join(project, defective), 'utf8')
      expect(saved).toBe(fixedByCli(results.before.lines.join('\n') + '\n'))
      expect(results.after!.lines.join('\n') + '\n').toBe(saved)
      const after = results.after?.diagnostics.map(formatDiagnostic).sort()
      // Five that need a person, and the 32 placeholders to fill (two were in the doc, the rest came with the fixes).
      expect(after).toHaveLength(37)
      expect(after).toEqual(messages(await lintText(saved)).sort())
    },
    120_000
  )
})

describe('Neovim, saving another doc', () => {
  const snippet = snippets.find((one) => version && isFor(one, version))
  const why = version ? `no snippet is for nvim ${version.join('.')}` : skipReason

  it.skipIf(!snippet)(
    snippet
      ? 'lints the doc again when the overview it links to is saved in another buffer, without an edit to the doc'
      : `lints again on another doc's save (skipped: ${why})`,
    async () => {
      const plan: Plan = {other: {file: 'milestones.md', append: ['', '## Milestone 3: Scale', '', 'Next.']}}
      const {results} = await runNeovim(readmeBlockAfter(snippet!.marker), snippet!.startIn, plan)
      expect(results.error).toBeUndefined()
      const before = results.before.diagnostics.map(formatDiagnostic).sort()
      expect(before).toContain(brokenFragment)
      expect(results.after?.lines).toEqual(results.before.lines)
      expect(results.after?.diagnostics.map(formatDiagnostic).sort()).toEqual(
        before.filter((message) => message !== brokenFragment)
      )
    },
    120_000
  )
})

describe('Neovim 0.7, fix-all from the menu', () => {
  const is07 = version?.[0] === 0 && version[1] === 7
  it.skipIf(!is07)(
    is07
      ? "`vim.lsp.buf.code_action({only = {'source.fixAll'}})` offers the one fix-all action, which leaves what needs a person"
      : `fixes all from the menu (skipped: nvim on PATH is not 0.7)`,
    async () => {
      const title = 'Fix all: apply every certain fix'
      const plan: Plan = {fix: {line: 1, byte: 0, title, only: ['source.fixAll']}}
      const {results} = await runNeovim(readmeBlockAfter(snippets[0]!.marker), 'elsewhere', plan)
      expect(results.error).toBeUndefined()
      expect(results.offered).toEqual([title])
      const fixed = results.after!.lines.join('\n') + '\n'
      expect(fixed).toBe(fixedByCli(results.before.lines.join('\n') + '\n'))
      expect(results.after?.diagnostics).toHaveLength(37)
    },
    120_000
  )
})

/** The text `milestone-lint --fix` writes for `text` as the defective doc of a new project. */
function fixedByCli(text: string): string {
  const root = makeProject()
  writeFileSync(path.join(root, defective), text)
  milestoneLint(root, '--fix', defective)
  return readFileSync(path.join(root, defective), 'utf8')
}

/** The messages of a text linted as the defective doc of a new project. */
async function lintText(text: string) {
  const root = makeProject()
  writeFileSync(path.join(root, defective), text)
  return lint(path.join(root, defective))
}

function isFor(snippet: Snippet, [major = 0, minor = 0]: number[]): boolean {
  const olderThan = ([otherMajor, otherMinor]: [number, number]) =>
    major < otherMajor || (major === otherMajor && minor < otherMinor)
  return !olderThan(snippet.from) && (!snippet.before || olderThan(snippet.before))
}

/**
 * Start Neovim headless on the defective doc of a new project (its folder's
 * name has a space and a comma), with `init` as the user's init.lua and
 * empty XDG folders (no other config, plugins or state), and the driver.
 * A Neovim that has not quit after 90 s is killed, with its process group.
 */
async function runNeovim(init: string, startIn: Snippet['startIn'], plan: Plan) {
  const project = makeProject({'package.json': '{"private": true}\n'}, 'milestone lint, neovim-')
  const home = mkdtempSync(path.join(tmpdir(), 'milestone-neovim-'))
  homes.push(home)
  mkdirSync(path.join(home, 'config/nvim'), {recursive: true})
  writeFileSync(path.join(home, 'config/nvim/init.lua'), init)
  writeFileSync(path.join(home, 'driver.lua'), driver)
  const resultsFile = path.join(home, 'results.json')

  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    // npm's script variables (`npm test` sets them) and the test runner's are not a user's.
    if (!/^(?:npm_|VITEST|NODE_ENV$|XDG_)/i.test(key)) env[key] = value
  }
  Object.assign(env, {
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    MILESTONE_NVIM_PLAN: JSON.stringify(plan),
    MILESTONE_NVIM_RESULTS: resultsFile
  })

  const child = spawn(
    'nvim',
    ['--headless', '-c', `luafile ${path.join(home, 'driver.lua')}`, path.join(project, defective)],
    {
      cwd: startIn === 'project' ? project : home,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    process.kill(-child.pid!, 'SIGKILL')
  }, 90_000)
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  }).finally(() => {
    clearTimeout(timer)
  })

  // Neovim's own messages, and its LSP log (the server's stderr is there).
  const logs = ['cache/nvim/lsp.log', 'state/nvim/lsp.log']
    .map((log) => path.join(home, log))
    .filter((log) => existsSync(log))
  const details = [output, ...logs.map((log) => readFileSync(log, 'utf8'))].join('\n')
  if (timedOut || !existsSync(resultsFile)) {
    throw new Error(`Neovim ${timedOut ? 'did not quit within 90 s' : `quit (${status}) without results`}:\n${details}`)
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results
  if (results.error) results.error += `\n${details}`
  return {project, results}
}
