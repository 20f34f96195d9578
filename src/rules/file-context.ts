/**
 * What the preset and its rules share about one file, computed once: the
 * schema of each template option (looked up and loaded once per file, not
 * once per rule), the model of its tree, the outline of the model against
 * each schema, whether it is a milestone doc by each schema, and the
 * failures not yet reported. One object per file, kept until the preset's
 * last plugin lets it go.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {type KindSchema, looksLikeMilestoneDoc} from '../match/detect.js'
import type {DetectOptions} from '../match/forced.js'
import {type SharedOptions, limitsOf, milestoneKind} from '../match/options.js'
import {type Outline, matchOutline} from '../match/outline.js'
import {type Model, buildModel} from '../model/model.js'
import {memo} from '../model/memo.js'
import {type TemplateLocation, resolveTemplate} from '../project/project.js'
import {defaultSchema, loadTemplate} from '../project/template.js'
import {TemplateError} from '../schema/derive.js'
import type {Schema} from '../schema/types.js'

/** A failure of a rule (with its id) or of building the file's model (without). */
interface Failure {
  ruleId?: string
  error: unknown
}

interface FileContext {
  /** The options as detection reads them: with the files the `template` options name, if found. */
  detectOptions(options: SharedOptions): DetectOptions
  /** The schema a template option names (the bundled one without): throws a `TemplateError` if unusable. */
  schema(options: SharedOptions): Schema
  /** The schema of each entry of `kinds`, in order: throws a `TemplateError` if one is unusable. */
  kindSchemas(options: SharedOptions): KindSchema[]
  /** The model of the file's tree. */
  model(tree: Root): Model
  /** The model's sections matched to a schema. */
  outline(model: Model, schema: Schema): Outline
  /** Whether the model reads as a doc of a kind by its schema (before the options force it either way). */
  recognised(model: Model, schema: Schema, kind?: string): boolean
  /** Failures not yet reported. */
  failures: Failure[]
}

const contexts = new WeakMap<VFile, FileContext>()

/** The context of a file, created on first use. */
export function fileContext(file: VFile): FileContext {
  let context = contexts.get(file)
  if (!context) contexts.set(file, (context = createContext(file)))
  return context
}

/** Let a file's context go once every rule has read it: remark-cli holds every file until a run ends. */
function forgetContext(file: VFile): void {
  contexts.delete(file)
}

/**
 * The preset's last plugin: once every rule has run on a file, its shared
 * context (its model above all) goes. remark-cli holds every file until a
 * run ends, and the models with them would add a fifth to its memory.
 */
export const releaseContexts: Plugin<[], Root> = () => (_tree: Root, file: VFile) => {
  forgetContext(file)
}

function createContext(file: VFile): FileContext {
  const locations = new Map<string, TemplateLocation>()
  const schemas = new Map<string, Schema | TemplateError>()
  let built: {tree: Root; model: Model} | undefined
  const outlines = new Map<Schema, Outline>()
  /** By kind, then schema: only a milestone doc is known by its name. */
  const recognitions = new Map<string, Map<Schema, boolean>>()

  /** Where a template option points, looked up once per file. */
  function locate(template: string | URL): TemplateLocation {
    const key = String(template)
    let found = locations.get(key)
    if (!found) locations.set(key, (found = resolveTemplate(template, file.cwd, file.path)))
    return found
  }

  return {
    detectOptions(options) {
      const found = (template: string | URL | undefined) => foundFile(template, file, locate)
      const kindTemplates = (options.kinds ?? []).map(({name, template}) => ({name, file: found(template)}))
      return {...options, templateFile: found(options.template), kindTemplates}
    },
    schema(options) {
      if (!options.template) return defaultSchema()
      const template = options.template
      const key = String(template) + '\0' + JSON.stringify(options.limits ?? {})
      let found = schemas.get(key)
      if (!found) schemas.set(key, (found = attempt(() => templateSchema(locate(template), options))))
      if (found instanceof TemplateError) throw found
      return found
    },
    kindSchemas(options) {
      return (options.kinds ?? []).map((kind) => ({
        name: kind.name,
        template: kind.template,
        schema: this.schema({...options, template: kind.template})
      }))
    },
    model(tree) {
      if (built?.tree !== tree) {
        built = {tree, model: buildModel(tree, file)}
        outlines.clear()
        recognitions.clear()
      }
      return built.model
    },
    outline(model, schema) {
      let outline = outlines.get(schema)
      if (!outline) outlines.set(schema, (outline = matchOutline(model, schema)))
      return outline
    },
    recognised(model, schema, kind = milestoneKind) {
      const byKind = memo(recognitions, kind, () => new Map<Schema, boolean>())
      return memo(byKind, schema, () => looksLikeMilestoneDoc(model, schema, file.basename, kind))
    },
    failures: []
  }
}

/** The file a template option names, if it is found. */
function foundFile(
  template: string | URL | undefined,
  file: VFile,
  locate: (template: string | URL) => TemplateLocation
) {
  const location = template && file.path ? locate(template) : undefined
  return location && 'file' in location ? location.file : undefined
}

/** The schema of a template found (or not) by its option, derived within the limits: throws a `TemplateError` if unusable. */
export function templateSchema(location: TemplateLocation, options: SharedOptions): Schema {
  const name = String(options.template)
  if ('problem' in location) throw new TemplateError(name, undefined, location.problem)
  return loadTemplate(location.file, name, limitsOf(options))
}

/** A schema, or the `TemplateError` deriving it threw (kept, so it is said once). */
function attempt(derive: () => Schema): Schema | TemplateError {
  try {
    return derive()
  } catch (error) {
    if (error instanceof TemplateError) return error
    throw error
  }
}
