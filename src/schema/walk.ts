import type {Schema, SectionSpec} from './types.js'

/** Every section spec of a schema, depth first, in template order. */
export function allSpecs(schema: Pick<Schema, 'sections'>): SectionSpec[] {
  const specs: SectionSpec[] = []
  const add = (list: readonly SectionSpec[]) => {
    for (const spec of list) {
      specs.push(spec)
      if (spec.children) add(spec.children)
    }
  }
  add(schema.sections)
  return specs
}

/** The spec whose children include `child`. */
export function parentSpec(schema: Schema, child: SectionSpec): SectionSpec | undefined {
  return allSpecs(schema).find((spec) => spec.children?.includes(child))
}
