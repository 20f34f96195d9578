import {existsSync} from 'node:fs'
import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {type KindSchema, kindOf, skipReason} from '../match/detect.js'
import type {DetectOptions} from '../match/forced.js'
import type {Model} from '../model/model.js'
import type {Outline} from '../match/outline.js'
import {fileContext, templateSchema} from './file-context.js'
import {firstLine} from '../text/text.js'
import {
  type OptionTypes,
  type OptionsOf,
  type RuleConfig,
  type SharedOptions,
  milestoneKind,
  optionsOf,
  sharedOptionTypes,
  validateOptions
} from '../match/options.js'
import {resolveTemplate} from '../project/project.js'
import {defaultSchema} from '../project/template.js'
import {noteRead} from '../project/reads.js'
import {TemplateError} from '../schema/derive.js'
import type {Schema} from '../schema/types.js'

/** The project's home, whose README documents each rule in a section named after it. */
export const homepage = 'https://github.com/remark-lint-milestone/remark-lint-milestone'

/** Where each rule is documented (the README section named after it). */
const docsBase = homepage + '#'

/**
 * What the rules decided about a file, kept as `file.data.milestoneLint`
 * (`milestone-lint` sums it up, and lists skipped files with `--verbose`).
 */
export interface MilestoneLintData {
  /** Whether a rule linted the file as a milestone doc (or a doc of a kind). */
  linted: boolean
  /** The kind it was linted as, if not a milestone doc (one of the `kinds` option). */
  kind?: string
  /** If none did: why not, and how to lint it anyway. */
  reason?: string
}

declare module 'vfile' {
  interface DataMap {
    milestoneLint: MilestoneLintData
  }
}

/** What a rule's check receives: the shared model, matched to the schema. */
export interface RuleContext<Options> {
  tree: Root
  file: VFile
  model: Model
  outline: Outline
  schema: Schema
  options: Options
}

/** A rule as `milestoneRule()` makes it: a remark-lint plugin that also says what it is. */
export interface MilestoneRule<Options> extends Plugin<[RuleConfig<Options>?], Root> {
  /** The rule id, as used in config and `<!--lint ignore-->` comments. */
  ruleId: string
  /** What the rule checks, in one sentence (shown by SARIF viewers). */
  description: string
  /** Where the rule is documented. */
  url: string
  /** The kinds of its options, the shared ones among them (what a config may give it). */
  types: OptionTypes
}

/** A rule, declared once: its id, what it checks, its options' kinds, and its check. */
interface RuleDeclaration<Types extends OptionTypes> {
  /** The rule id, as used in config and `<!--lint ignore-->` comments. */
  id: string
  /** What the rule checks, in one sentence (shown by SARIF viewers). */
  description: string
  /** Its own options, by kind (besides the shared ones); their type is inferred from this. */
  options: Types
  /** Check a milestone doc. */
  check: (context: RuleContext<OptionsOf<Types>>) => void
  /** Check options against the schema when attached (throw a `TypeError` naming the option). */
  validate?: (options: OptionsOf<Types>, schema: Schema) => void
}

/**
 * Define a rule: a remark-lint rule that validates its options when attached
 * and runs its check only on milestone docs, with the shared model.
 */
export function milestoneRule<const Types extends OptionTypes>(
  declaration: RuleDeclaration<Types>
): MilestoneRule<OptionsOf<Types>> {
  type Options = OptionsOf<Types>
  const {id: ruleId, description, options: optionTypes, check, validate} = declaration
  const types = {...sharedOptionTypes, ...optionTypes}
  const url = docsBase + ruleId

  const base = lintRule<Root, Options>({origin: 'remark-lint:' + ruleId, url}, function (tree, file, options) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `undefined` when the rule has no options
    const settings = options ?? {}
    let context: RuleContext<Options>
    let kind: KindSchema | undefined
    try {
      const shared = fileContext(file)
      const model = shared.model(tree)
      const detect = shared.detectOptions(settings)
      const milestone = {name: milestoneKind, template: settings.template, schema: shared.schema(settings)}
      const kinds = [milestone, ...shared.kindSchemas(settings)]
      kind = kindOf(file, detect, kinds, ({name, schema}) => shared.recognised(model, schema, name))
      record(file, kind, detect)
      if (!kind) return
      const {schema} = kind
      context = {tree, file, model, outline: shared.outline(model, schema), schema, options: settings}
    } catch (error) {
      failed(file, undefined, error)
      return
    }
    const before = file.messages.length
    try {
      check(context)
    } catch (error) {
      failed(file, ruleId, error)
    }
    if (kind.name !== milestoneKind) sayKind(file.messages.slice(before), kind)
  })

  function attacher(this: Processor, config?: RuleConfig<Options>) {
    const options = optionsOf(config) as SharedOptions | undefined
    validateOptions(ruleId, options, types)
    const schema = attachedSchema(options)
    if (validate && options && schema) validate(options as Options, schema)
    const transform = base.call(this, config as never) as unknown as Transform | undefined
    if (!transform) return undefined
    return function (tree: Root, file: VFile, next: (error?: unknown) => void) {
      if ((options?.template || options?.kinds?.length) && !templateUsable(options, file)) {
        next()
        return
      }
      transform(tree, file, function (error) {
        reportFailures(file)
        next(error)
      })
    }
  }

  Object.defineProperty(attacher, 'name', {value: 'remark-lint:' + ruleId})
  return Object.assign(attacher, {ruleId, description, url, types}) as unknown as MilestoneRule<Options>
}

/**
 * The schema when the rule is attached: a template that can be found from
 * the working directory is derived then, so a bad one fails once, naming
 * file and line. One that cannot (maybe relative to a config file) is
 * left to each file.
 */
function attachedSchema(options: SharedOptions | undefined): Schema | undefined {
  for (const kind of options?.kinds ?? []) foundSchema(kind.template, options)
  return options?.template ? foundSchema(options.template, options) : defaultSchema()
}

/** The schema of a template found from the working directory, if it is found there. */
function foundSchema(template: string | URL, options: SharedOptions | undefined): Schema | undefined {
  const location = resolveTemplate(template, process.cwd())
  if ('problem' in location) return undefined
  noteRead(location.file, 'exists')
  if (!existsSync(location.file)) return undefined
  return templateSchema(location, {...options, template})
}

function failed(file: VFile, ruleId: string | undefined, error: unknown): void {
  fileContext(file).failures.push({ruleId, error})
}

/**
 * Report a file's failures as fatal messages: one for a rule that failed
 * (a bug in it: the other rules still ran), one however many rules could
 * not read the file's model (none did). Outside `lintRule`, which would make
 * them warnings of the rule's severity.
 */
function reportFailures(file: VFile): void {
  const {failures} = fileContext(file)
  for (const {ruleId, error} of failures.splice(0)) {
    const reason = ruleId
      ? `Cannot check \`${ruleId}\`: ${String(error)}; please report this bug`
      : `Cannot lint this file (${firstLine(error)}); please report this bug`
    if (file.messages.some((message) => message.reason === reason)) continue
    const message = file.message(reason, {
      cause: error instanceof Error ? error : undefined,
      ruleId: ruleId ?? 'lint',
      source: ruleId ? 'remark-lint' : 'remark-lint-milestone'
    })
    message.fatal = true
    if (ruleId) message.url = docsBase + ruleId
  }
}

/** Record a rule's decision: a file is linted when any rule lints it (rules may have their own `include`). */
function record(file: VFile, kind: KindSchema | undefined, options: DetectOptions): void {
  const known = file.data.milestoneLint
  if (known?.linted || (known && !kind)) return
  file.data.milestoneLint = !kind
    ? {linted: false, reason: skipReason(file, options)}
    : kind.name === milestoneKind
      ? {linted: true}
      : {linted: true, kind: kind.name}
}

/**
 * End each message on a doc of a kind with the kind and template it was
 * checked against: the same words mean other things in other templates.
 */
function sayKind(messages: VFileMessage[], kind: KindSchema): void {
  const suffix = ` (kind \`${kind.name}\`, template \`${String(kind.template)}\`)`
  for (const message of messages) {
    message.reason += suffix
    message.message = message.reason
  }
}

type Transform = (tree: Root, file: VFile, next: (error?: unknown) => void) => void

/**
 * Whether the file's template can be used. If not, say so on the file, once
 * however many rules share it, as a fatal message (outside `lintRule`, which
 * would make it a warning of each rule): like a bad option, it is a
 * configuration error, not a finding.
 */
function templateUsable(options: SharedOptions, file: VFile): boolean {
  try {
    schemaOf(options, file)
    fileContext(file).kindSchemas(options)
    return true
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    if (!file.messages.some((message) => message.reason === error.message)) {
      const message = file.message(error.message, {source: 'remark-lint-milestone', ruleId: 'template'})
      message.fatal = true
    }
    return false
  }
}

/** The schema a file is checked against: its template's, or the bundled one (looked up once per file). */
export function schemaOf(options: SharedOptions, file: VFile): Schema {
  return fileContext(file).schema(options)
}
