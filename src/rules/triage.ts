/**
 * What the parse guard (model/parse.ts) asks before and after it parses a
 * file: whether the file is worth parsing, and whether one over a limit is
 * worth a message. Both are about milestone docs, so they need the rules'
 * options, their template's schema and detection, read through the file's
 * context: the rules layer is the lowest that can import that, so they
 * live here, and the guard, lower down, takes them as two plain predicates.
 */
import remarkLint from 'remark-lint'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import type {KindSchema} from '../match/detect.js'
import {looksLikeMilestoneFile, mayBeMilestoneDoc} from '../match/detect-text.js'
import {type SharedOptions, attachersOf, isOff, optionsOf} from '../match/options.js'
import milestoneSyntax from '../model/syntax.js'
import type {Triage} from '../model/parse.js'
import {defaultSchema} from '../project/template.js'
import type {Schema} from '../schema/types.js'
import {fileContext, releaseContexts} from './file-context.js'
import {rules} from './index.js'
import {presetMark, treelessMark} from './marks.js'
import {schemaOf} from './rule.js'

/** The triage of the preset attached to a processor with these shared options. */
export function triage(processor: Processor, shared: SharedOptions): Triage {
  return {worthParsing: worthParsing(processor), worthReporting: worthReporting(shared)}
}

/** Plugins that need no tree but for our rules (the parser, the compiler, syntax, comment control, ours). */
const treeless = new Set<unknown>([remarkParse, remarkStringify, milestoneSyntax, remarkLint, releaseContexts])

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
      const schemas = usableSchemas(options, file)
      // An unusable template is parsed, so that the rule says so on the file.
      return (
        schemas === undefined ||
        mayBeMilestoneDoc(document, file, schemas.schema, fileContext(file).detectOptions(options), schemas.kinds)
      )
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
    const {schema, kinds} = usableSchemas(options, file) ?? {schema: defaultSchema(), kinds: []}
    return looksLikeMilestoneFile(document, file, schema, fileContext(file).detectOptions(options), kinds)
  }
}

/** The schemas of a file by these options (the milestone doc's and the kinds'), if their templates can be used (the rules report it if not). */
function usableSchemas(options: SharedOptions, file: VFile): {schema: Schema; kinds: KindSchema[]} | undefined {
  try {
    return {schema: schemaOf(options, file), kinds: fileContext(file).kindSchemas(options)}
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
