/**
 * `milestone-lint new <file.md>`: a new milestone doc from the template the
 * linter would use for that path (the preset's `template` option in the
 * config found for it, else the bundled template), titled from its name,
 * its metadata links pointing at the overview and architecture docs found
 * near it. Nothing is written over a file that exists, out of the project,
 * or on any error.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Plugin} from 'unified'
import {VFile} from 'vfile'
import {type SharedOptions, attachersOf, sharedOf} from '../match/options.js'
import {isMarkdown} from '../project/file-names.js'
import {localUrl} from '../project/links.js'
import {isInside, targetOf} from '../project/targets.js'
import {type Found, findNearby} from '../project/nearby.js'
import {entriesOf, placeOf, resolveTemplate} from '../project/project.js'
import {bundledTemplate, defaultSchema} from '../project/template.js'
import {templateSchema} from '../rules/file-context.js'
import {presetMark} from '../rules/marks.js'
import {TemplateError} from '../schema/derive.js'
import type {LinkRole, Schema} from '../schema/types.js'
import type {NewOptions} from './argv.js'
import {UsageError} from './flags.js'
import {type RunOptions, runEngine} from './engine-run.js'
import {newDocText} from './new-doc-text.js'
import {headingsOf, spelledAs, titleFromName} from './new-doc-title.js'
import {outcomeOf} from './outcome.js'
import {type NamedIn, whereNamed} from './own-package.js'

/** What `new` is asked, with the preset's options from milestone-lint's own config file. */
export type NewDocOptions = NewOptions & Pick<RunOptions, 'preset' | 'nested'>

/** A template, as read. */
interface Template {
  text: string
  schema: Schema
  /** How the output names it. */
  name: string
}

/** Write the new doc; the lines that say what was written. Throws a {@link UsageError} for what cannot be done. */
export async function newDoc(options: NewDocOptions, cwd: string, namedIn: NamedIn): Promise<string[]> {
  const file = path.resolve(cwd, options.file)
  const shown = path.relative(cwd, file)
  const root = writableRoot(file, cwd, shown)
  const template = await templateFor(file, cwd, options, namedIn)
  const folder = path.dirname(file)
  const siblings = [...entriesOf(folder)].filter(isMarkdown).map(stemOf)
  const links = new Map<LinkRole, string>()
  let parent: string | undefined
  const linkLines = template.schema.metadata.flatMap((spec) => {
    const name = spec.link && spec.example && exampleName(spec.example)
    if (!spec.link || !name) return []
    const found = findNearby(folder, root, name)
    if ('file' in found) links.set(spec.link, relativeUrl(folder, found.file))
    if ('file' in found && spec.link === 'parent') parent = found.file
    return [`  **${spec.label}**: ${linkLine(found, name, folder, cwd)}`]
  })
  const title =
    options.title ?? spelledAs(titleFromName(template.schema.title, stemOf(file), siblings), headingsOf(parent))
  const text = newDocText(template.text, template.schema, {title, links})
  const [linted] = await runEngine(runOptions(options, []), [new VFile({path: file, cwd, value: text})], cwd, namedIn)
  writeNewFile(file, text, shown)
  return [
    `milestone-lint: wrote ${shown} from ${template.name}`,
    `  # ${title}`,
    ...linkLines,
    '  ' + left(linted, shown)
  ]
}

/** The project a new file goes in; refuses a file that exists, a non-Markdown name, a path through a link out of the project. */
function writableRoot(file: string, cwd: string, shown: string): string {
  if (!isMarkdown(file)) throw new UsageError(`expected a Markdown file name to write (\`.md\`), found \`${shown}\``)
  // As for linting: without a project, the working directory, or the folder named outside it.
  const root = placeOf(file).root ?? (isInside(cwd, file) ? cwd : path.dirname(file))
  const target = targetOf(file, root)
  if (target.kind === 'file' || target.kind === 'directory') {
    throw new UsageError(`\`${shown}\` exists: not overwritten`)
  }
  if (target.kind === 'outside') {
    throw new UsageError(
      `\`${shown}\` is through a symbolic link out of the project: not written (links are not followed out)`
    )
  }
  if (target.kind === 'unreadable') throw new UsageError(`cannot write \`${shown}\` (${target.code})`)
  return root
}

/** The template the linter would use for the file: the preset's `template` option in the config found for it, or the bundled one. */
export async function templateFor(
  file: string,
  cwd: string,
  options: Pick<NewDocOptions, 'rcPath' | 'preset' | 'nested'>,
  namedIn: NamedIn
): Promise<Template> {
  const found: {options?: SharedOptions} = {}
  // Attached after the preset: the options the engine gave it for this path (the first copy's, which is the one used).
  const capture: Plugin = function () {
    const preset = attachersOf(this).find(([plugin]) => typeof plugin === 'function' && presetMark in plugin)
    found.options = sharedOf(preset?.[1] ?? {})
  }
  const files = await runEngine(runOptions(options, [capture]), [new VFile({path: file, cwd, value: ''})], cwd, namedIn)
  const {problems} = outcomeOf(files)
  if (problems.length > 0) throw new UsageError(problems.map((problem) => whereNamed(problem, namedIn)).join('; '))
  const shared = found.options ?? {}
  if (shared.template === undefined) {
    return {text: readFileSync(bundledTemplate, 'utf8'), schema: defaultSchema(), name: 'the bundled template'}
  }
  const location = resolveTemplate(shared.template, cwd, file)
  if ('problem' in location) throw new TemplateError(String(shared.template), undefined, location.problem)
  const schema = templateSchema(location, shared)
  return {text: readFileSync(location.file, 'utf8'), schema, name: path.relative(cwd, location.file)}
}

function runOptions(options: Pick<NewDocOptions, 'rcPath' | 'preset' | 'nested'>, plugins: Plugin[]): RunOptions {
  // Ignore files say what is linted, not which config a path gets.
  return {
    rcPath: options.rcPath,
    preset: options.preset,
    nested: options.nested,
    ignorePath: undefined,
    ignorePatterns: [],
    silentlyIgnore: false,
    use: [],
    ignore: false,
    plugins
  }
}

/** The file name a metadata link's example points at (`[name]-architecture.md`). */
function exampleName(example: string): string | undefined {
  // `[text](url)`, as the schema writes it.
  const local = localUrl(example.slice(example.lastIndexOf('](') + 2, -1))
  return local?.path ? path.posix.basename(local.path) : undefined
}

/** A relative link from a folder to a file: `./milestones.md`, `../milestones.md`, each segment percent-encoded. */
function relativeUrl(folder: string, file: string): string {
  const url = path.relative(folder, file).split(path.sep).map(encodeURIComponent).join('/')
  return url.startsWith('..') ? url : './' + url
}

function linkLine(found: Found, name: string, folder: string, cwd: string): string {
  const where = `\`${path.relative(cwd, folder) || '.'}\``
  if ('file' in found) return relativeUrl(folder, found.file)
  if ('none' in found) return `no file named like \`${name}\` in ${where} or above; the template's link is kept`
  const files = found.several.map((file) => `\`${path.relative(cwd, file)}\``).join(', ')
  return `${found.several.length} files named like \`${name}\` (${files}); the template's link is kept`
}

/** What the new doc still needs, as its lint says. */
function left(linted: VFile | undefined, shown: string): string {
  const data = linted?.data.milestoneLint
  if (!linted || !data?.linted) return `not linted: ${data?.reason ?? 'not a milestone doc'}`
  const placeholders = linted.messages.filter((message) => message.ruleId === 'milestone-no-placeholders').length
  const others = linted.messages.length - placeholders
  if (others + placeholders === 0) return 'no message from its lint'
  // None where the rule that reports them is off: then none is counted.
  const said =
    placeholders === 0
      ? counted(others, 'message')
      : counted(placeholders, 'placeholder') +
        ' to fill' +
        (others > 0 ? ', and ' + counted(others, 'other message') : '')
  return `${said}: \`milestone-lint ${shown}\` lists ${linted.messages.length === 1 ? 'it' : 'them'}`
}

/** Write the file, making its missing folders; on failure, remove the folders made. */
export function writeNewFile(file: string, text: string, shown: string): void {
  let made: string | undefined
  try {
    made = mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, text, {flag: 'wx'})
  } catch (error) {
    if (made !== undefined) rmSync(made, {recursive: true, force: true})
    throw new UsageError(`cannot write \`${shown}\` (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

function counted(count: number, thing: string): string {
  return `${count} ${thing}${count === 1 ? '' : 's'}`
}

function stemOf(name: string): string {
  return path.basename(name, path.extname(name))
}
