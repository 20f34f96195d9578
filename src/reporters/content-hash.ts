/**
 * A hash of a file's text, to know a renamed file by: a leaf module, so the
 * command line keeps it with each linted file without loading the
 * stable keys' parser.
 */
import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'

declare module 'vfile' {
  interface DataMap {
    /** The hash of the file's text ({@link contentHash}), kept when the text is not (milestone-lint drops it once linted). */
    milestoneLintHash: string
  }
}

/**
 * The hash of a file's text, or the one kept when the text is not (milestone-lint drops it once linted); none
 * for a file never read (a FIFO, an ignored file), which must not be taken for another such file renamed.
 */
export function contentHash(file: VFile): string | undefined {
  // Typed as always there, it is not for a file never read.
  const text = file.value as VFile['value'] | undefined
  if (file.data.milestoneLintHash !== undefined || text === undefined) return file.data.milestoneLintHash
  // Without a byte order mark: an editor hands the language server the text without it.
  return (
    'sha256:' +
    createHash('sha256')
      .update(String(text).replace(/^\uFEFF/, ''))
      .digest('hex')
  )
}
