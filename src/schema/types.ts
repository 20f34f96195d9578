/**
 * The expected structure of a milestone doc, as data, derived from a
 * template (see `derive.ts`).
 *
 * Headings and labels are written as in the template: `[Bracketed text]` is
 * a wildcard, and in a `numbered` repeat the first number counts 1, 2, 3….
 * Rules read this schema; none of them knows a heading of its own.
 */
export interface Schema {
  /** Where the schema was derived from (a template path), for messages. */
  template: string
  /** The H1 title, e.g. `Milestone [Number]: [Name]`. */
  title: string
  /** The bold-label lines between the title and the first section. */
  metadata: MetadataSpec[]
  /** Top-level sections, in template order. */
  sections: SectionSpec[]
  /** Lines that close the doc, after its last rule (`*Last Updated*: …`). */
  closing: FieldSpec[]
  /** The template's own placeholders: normalised text → text as written. */
  placeholders: Record<string, string>
}

/** What a metadata link points at; sections can require links to the same files. */
export type LinkRole = 'parent' | 'architecture'

/** A metadata line of the template (`**Status**: …`). */
export interface MetadataSpec {
  /** Label text without `**` and colon, e.g. `Parent Document`. */
  label: string
  /** Set when the field must hold a relative link to an existing file. */
  link?: LinkRole
  /** Link text and target from the template, shown in messages. */
  example?: string
}

/** A section of the template, and what it holds. */
export interface SectionSpec {
  /** Heading text as in the template, e.g. `Phase 1: [Phase Name]`. */
  heading: string
  /** Heading depth, 1–6 (mdast's `depth`: the number of `#`). */
  depth: number
  /**
   * Repeated sections: `numbered` ones must count 1, 2, 3… without gaps;
   * `min` is how many must exist.
   */
  repeat?: {numbered: boolean; min: number}
  /** Marked optional in the template (`(Optional)`): may be absent. */
  optional?: boolean
  /** What the section is, for rules that check one kind of section. */
  role?: 'risk'
  /**
   * The template shows entries with placeholder labels (`**[Metric Name]**:`):
   * every bold-label entry in the section must have a value.
   */
  entries?: boolean
  /** Sub-sections, in template order. */
  children?: SectionSpec[]
  /** Bold-label fields the section carries. */
  fields?: FieldSpec[]
  /** Metadata links the section must link to again (Related Documents). */
  links?: LinkRole[]
  /** The template's text of the section, sub-sections included: what a fix inserts. */
  skeleton?: Skeleton
  /** A part of the parent doc's entry the section copies (see `ties.ts`). */
  tie?: Tie
}

/**
 * A section's tie to the parent doc (`[Copy the Goal from milestones-overview.md]`):
 * the part of the doc's entry there it copies, and how it is compared.
 */
export interface Tie {
  /** The part as the template names it: `Goal`, `architecture diagram`, `Why [X]?`. */
  part: string
  /**
   * `content`: the part's text, list items or code appear in the section;
   * `names`: the repeat's instances are the part's items, by name and order
   * (`Phase 1: …`); `heading`: the section's heading is the parent's.
   */
  copies: 'content' | 'names' | 'heading'
}

/** Template text to insert, with the offsets of the marks that take the doc's own style. */
export interface Skeleton {
  text: string
  /** For a section: where its first sub-section starts in `text` (its own part ends there). */
  own?: number
  /** Bullets of unordered list items (`-`, `*`, `+`). */
  bullets: number[]
  /** Both ends of each strong span (`**`, `__`). */
  strong: number[]
  /** Both ends of each emphasis span (`*`, `_`). */
  emphasis: number[]
}

/** A field of a template section (`**Purpose**: …`). */
export interface FieldSpec {
  /** Label text without `**` and colon, e.g. `Success Criteria`, `After [Previous Section]`. */
  label: string
  /** Other labels that stand for it, e.g. `System Flow` for `User Flow`. */
  alternatives?: string[]
  /** What the template puts after the label. */
  kind: 'text' | 'list' | 'code'
  /** Marked optional in the template (`(if applicable)`): may be absent, not empty. */
  optional?: boolean
  /**
   * One of the template's example categories (Technology Stack's
   * `**Frontend**:`): the author names their own, and the section needs at
   * least one labelled field that is not one of its named fields.
   */
  example?: boolean
  /** Allowed leading values, e.g. `High`, `Medium`, `Low`. */
  levels?: string[]
  /** Mark every list item must start with, e.g. `✅`. */
  marker?: string
  /** The template's text of the field (label, value, its list or code): what a fix inserts. */
  skeleton?: Skeleton
}
