/**
 * remark-lint-milestone: the preset. It installs the syntax milestone docs
 * are written in (front matter, task lists, footnotes), remark-lint's comment control, and
 * every rule, sharing the options that say which files are milestone docs.
 */
import type {Root} from 'mdast'
import remarkLint from 'remark-lint'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import {presetMark, treelessMark} from './marks.js'
import {looksLikeMilestoneFile, mayBeMilestoneDoc} from './match/detect.js'
import {fileContext, forgetContext} from './rules/file-context.js'
import {guardParser} from './model/parse.js'
import {
  type OptionKind,
  type RuleConfig,
  type SharedOptions,
  isSeverity,
  limitsOf,
  optionsOf,
  sharedOptionTypes,
  validateOptions
} from './match/options.js'
import {type MilestoneRule, schemaOf} from './rules/rule.js'
import {
  type RuleId,
  type RuleOptions,
  noPlaceholders,
  relativeLinks,
  requiredHeadings,
  riskFields,
  rules,
  sectionFields,
  successCriteria
} from './rules/index.js'
import {defaultSchema} from './project/template.js'
import type {Schema} from './schema/types.js'
import milestoneSyntax from './model/syntax.js'

export type {RuleConfig, SharedOptions}
export type {NoPlaceholdersOptions} from './rules/no-placeholders.js'
export type {RelativeLinksOptions} from './rules/relative-links.js'
export type {RequiredHeadingsOptions} from './rules/required-headings.js'
export type {RiskFieldsOptions} from './rules/risk-fields.js'
export type {SectionFieldsOptions} from './rules/section-fields.js'
export type {SuccessCriteriaOptions} from './rules/success-criteria.js'
export {TemplateError, deriveSchema} from './schema/derive.js'
export {defaultSchema, loadTemplate} from './project/template.js'
export {defaultLimits, type Limits} from './model/limits.js'
export type {Schema, SectionSpec, FieldSpec, MetadataSpec} from './schema/types.js'
export type {MilestoneLintData} from './rules/rule.js'
export {milestoneSyntax, noPlaceholders, relativeLinks, requiredHeadings, riskFields, sectionFields, successCriteria}

export {rules, type RuleId, type RuleOptions} from './rules/index.js'

/** Preset options: the shared options (parse limits among them), and each rule's config by its id. */
export type Options = SharedOptions & {[Id in RuleId]?: RuleConfig<RuleOptions<Id>>}

const presetName = 'remark-lint-milestone'

/**
 * Lint milestone docs. Use as `.use(remarkLintMilestone, options)` or
 * `[remarkLintMilestone, options]` in `.remarkrc.js`.
 */
const remarkLintMilestone: Plugin<[(Options | null | undefined)?]> = function (options) {
  validatePresetOptions(options)
  // Two copies of this package can meet: a globally installed CLI (or a
  // pre-commit environment) and the project's own, named in its config. The
  // first in the list (the user's config, which comes before the CLI's
  // default) wins; the other attaches nothing, so no message is doubled.
  if (isAfterAnotherCopy(attachersOf(this))) return
  const shared = sharedOf(options ?? {})

  const limits = limitsOf(options ?? undefined)
  guardParser(this as unknown as Processor<Root>, limits, {
    worthReporting: worthReporting(shared),
    worthParsing: worthParsing(this)
  })
  this.use(milestoneSyntax).use(remarkLint)

  for (const [id, rule] of Object.entries(rules) as Array<[RuleId, MilestoneRule<SharedOptions>]>) {
    // A rule the user also configured directly keeps that configuration.
    const direct = attachersOf(this).find(([plugin]) => plugin === rule)
    const config = direct ? direct[1] : options?.[id]
    if (isOff(config) && !direct) continue
    this.use(rule, withShared(config, shared))
  }
  this.use(releaseModels)
}

Object.defineProperty(remarkLintMilestone, presetMark, {value: true})

export default remarkLintMilestone

function isAfterAnotherCopy(attachers: ReadonlyArray<readonly [unknown, ...unknown[]]>): boolean {
  const own = attachers.findIndex(([plugin]) => plugin === remarkLintMilestone)
  return attachers.some(
    ([plugin], index) =>
      index < own && plugin !== remarkLintMilestone && typeof plugin === 'function' && presetMark in plugin
  )
}

/**
 * The preset's last plugin: once every rule has run on a file, its shared
 * context (its model above all) goes. remark-cli holds every file until a
 * run ends, and the models with them would add a fifth to its memory.
 */
const releaseModels: Plugin<[], Root> = () => (_tree: Root, file: VFile) => {
  forgetContext(file)
}

/** Plugins that need no tree but for our rules (the parser, the compiler, syntax, comment control, ours). */
const treeless = new Set<unknown>([remarkParse, remarkStringify, milestoneSyntax, remarkLint, releaseModels])

/**
 * Whether a file is worth parsing. Parsing is nearly all a linter's cost,
 * and in a docs repo most files are not milestone docs. When every plugin
 * of the processor is one of ours or {@link treeless}, only a file that
 * one of our rules may lint (by its own options and template) is parsed.
 * Any other plugin may need every tree, so then every file is.
 */
function worthParsing(processor: Processor): (document: string, file: VFile) => boolean {
  let configs: SharedOptions[] | undefined
  let others: boolean | undefined
  return function (document, file) {
    // The processor is frozen when it parses: its attachers are all known.
    others ??= attachersOf(processor).some(([plugin]) => !isOurs(plugin))
    if (others) return true
    configs ??= attachersOf(processor).flatMap(([plugin, config]) =>
      isRule(plugin) && !isOff(config) ? [(optionsOf(config) ?? {}) as SharedOptions] : []
    )
    return configs.some(function (options) {
      const schema = usableSchema(options, file)
      // An unusable template is parsed, so that the rule says so on the file.
      return schema === undefined || mayBeMilestoneDoc(document, file, schema, fileContext(file).detectOptions(options))
    })
  }
}

/**
 * Whether a file over a limit is worth a message: one that looks like a
 * milestone doc by the preset's options and template.
 */
function worthReporting(options: SharedOptions): (document: string, file: VFile) => boolean {
  return function (document, file) {
    // An unusable template: judge by the bundled one.
    const schema = usableSchema(options, file) ?? defaultSchema()
    return looksLikeMilestoneFile(document, file, schema, fileContext(file).detectOptions(options))
  }
}

/** The schema of a file by these options, if its template can be used (the rules report it if not). */
function usableSchema(options: SharedOptions, file: VFile): Schema | undefined {
  try {
    return schemaOf(options, file)
  } catch {
    return undefined
  }
}

function isOurs(plugin: unknown): boolean {
  if (treeless.has(plugin) || isRule(plugin)) return true
  // remark-lint's comment control, which it attaches, is not exported: known by name.
  return (
    typeof plugin === 'function' &&
    (presetMark in plugin || treelessMark in plugin || plugin.name === 'lintMessageControl')
  )
}

function isRule(plugin: unknown): boolean {
  return Object.values(rules).includes(plugin as never)
}

function validatePresetOptions(options: unknown): void {
  const types: Record<string, OptionKind> = {...sharedOptionTypes}
  for (const id of Object.keys(rules)) types[id] = 'rule'
  validateOptions(presetName, options, types)
}

function sharedOf(options: Options): SharedOptions {
  const shared: SharedOptions = {}
  for (const key of Object.keys(sharedOptionTypes) as Array<keyof SharedOptions>) {
    if (options[key] !== undefined) Object.assign(shared, {[key]: options[key]})
  }
  return shared
}

/**
 * The plugins used on a processor, with their options. unified marks
 * `attachers` internal, but it is the only way to see what else is used.
 */
function attachersOf(processor: Pick<Processor, 'attachers'>): Processor['attachers'] {
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return processor.attachers
}

function isOff(config: unknown): boolean {
  const severity: unknown = Array.isArray(config) ? config[0] : config
  return severity === false || severity === 0 || severity === 'off'
}

/** A rule config with the preset's shared options underneath its own. */
function withShared(config: unknown, shared: SharedOptions): RuleConfig<SharedOptions> {
  if (Object.keys(shared).length === 0) return config as RuleConfig<SharedOptions>
  const own = optionsOf(config)
  const merged = {...shared, ...(own && typeof own === 'object' ? own : {})}
  if (Array.isArray(config) && isSeverity(config[0])) return [config[0], merged]
  if (isSeverity(config) && config !== true) return [config, merged]
  return merged
}
