/**
 * Marks on our plugins, spelt with `Symbol.for` so that every copy of this
 * package (a global CLI and a project's own) knows the others' plugins.
 */

/** Marks the preset. */
export const presetMark = Symbol.for('remark-lint-milestone:preset')

/** Marks plugins that need no tree (`milestone-lint`'s release-trees), so the preset still skips parsing what it need not. */
export const treelessMark = Symbol.for('remark-lint-milestone:treeless')
