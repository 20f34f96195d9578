import {memo} from '../memo.js'
import {headingPattern} from '../schema/pattern.js'
import type {Schema, SectionSpec} from '../schema/types.js'
import type {Model, Section} from './model.js'

/** Which document sections stand for which schema sections. */
export interface Outline {
  /** Sections matched to each spec, in document order. */
  sections(spec: SectionSpec): Section[]
  /** The spec a section was matched to. */
  spec(section: Section): SectionSpec | undefined
}

const cache = new WeakMap<Model, WeakMap<Schema, Outline>>()

/** Match the model's sections to the schema, once per model and schema. */
export function getOutline(model: Model, schema: Schema): Outline {
  const bySchema = memo(cache, model, () => new WeakMap<Schema, Outline>())
  return memo(bySchema, schema, () => matchOutline(model, schema))
}

function matchOutline(model: Model, schema: Schema): Outline {
  const bySpec = new Map<SectionSpec, Section[]>()
  const bySection = new Map<Section, SectionSpec>()

  match(schema.sections, model.sections)

  return {
    sections: (spec) => bySpec.get(spec) ?? [],
    spec: (section) => bySection.get(section)
  }

  function match(specs: readonly SectionSpec[], candidates: readonly Section[]): void {
    for (const section of candidates) {
      const spec = specFor(specs, section)
      if (!spec) continue
      bySection.set(section, spec)
      const list = bySpec.get(spec)
      if (list) list.push(section)
      else bySpec.set(spec, [section])
    }

    for (const spec of specs) {
      const [first] = bySpec.get(spec) ?? []
      if (first && spec.children) match(spec.children, first.children)
    }
  }
}

/** The spec a heading at the right level stands for: exact text first. */
export function specFor(
  specs: readonly SectionSpec[],
  section: Section,
  anyDepth = false
): SectionSpec | undefined {
  let wildcard: SectionSpec | undefined
  for (const spec of specs) {
    if (!anyDepth && spec.depth !== section.depth) continue
    const pattern = headingPattern(spec)
    if (!pattern.regex.test(section.normalized)) continue
    if (pattern.literal) return spec
    wildcard ??= spec
  }
  return wildcard
}
