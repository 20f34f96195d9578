/**
 * Write a file whole or not at all: to a temporary file beside it, renamed
 * over it. A reader (the next run, a CI step uploading a report) never sees
 * half of one, and a run stopped mid-write leaves the old one. (The package
 * write-file-atomic does the same, but needs Node 20.17; we support 20.)
 */
import {accessSync, constants, lstatSync, realpathSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {statOf} from './ignore-files.js'

/** Write `text` to `file` whole where it can be; else in place. Throws as `writeFileSync` does. */
export function writeWhole(file: string, text: string): void {
  const stats = statOf(file)
  // Written in place: a device, a FIFO, a file named by a descriptor (`--report sarif=/dev/stdout`:
  // a pipe, or the file the shell sent stdout to), a link to no file, a file the user made read-only.
  if (
    stats?.isFile() === false ||
    /^\/(?:dev|proc)\//.test(path.resolve(file)) ||
    (!stats && isLink(file)) ||
    (stats && !writable(file))
  ) {
    writeFileSync(file, text)
    return
  }
  // Through a link, the file it names is replaced and the link kept.
  const target = stats ? realpathSync(file) : file
  const temporary = `${target}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, text, stats ? {mode: stats.mode} : {})
    renameSync(temporary, target)
  } catch {
    rmSync(temporary, {force: true})
    // No new file in its folder (not writable), or none renamed over it (a file mounted into a container).
    writeFileSync(target, text)
  }
}

function isLink(file: string): boolean {
  return lstatSync(file, {throwIfNoEntry: false})?.isSymbolicLink() === true
}

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK)
    return true
  } catch {
    return false
  }
}
