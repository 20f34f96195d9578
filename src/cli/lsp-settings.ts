/**
 * The client's `milestoneLint` settings for each document, asked for once
 * and kept until they change or the document closes. A client that cannot
 * be asked (no `workspace/configuration`), or fails to answer, gets the
 * defaults.
 */
import path from 'node:path'
import type {Connection} from 'vscode-languageserver/node'
import type {Job} from './lint-worker.js'
import {type Settings, defaults, toSettings} from './lsp-convert.js'

/** The settings of each open document, asked for once. */
export class SettingsCache {
  /** Whether the client can be asked. */
  canAsk = false
  private readonly byUri = new Map<string, Promise<Settings>>()

  constructor(private readonly connection: Connection) {}

  /** A document's settings (never rejects). */
  get(uri: string): Promise<Settings> {
    if (!this.canAsk) return Promise.resolve(defaults)
    let settings = this.byUri.get(uri)
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({scopeUri: uri, section: 'milestoneLint'})
        .then(toSettings, () => defaults)
      this.byUri.set(uri, settings)
    }
    return settings
  }

  /** Ask again for a document's settings, or for every document's. */
  forget(uri?: string): void {
    if (uri === undefined) this.byUri.clear()
    else this.byUri.delete(uri)
  }
}

/** What a lint job takes from the settings: the files they name, resolved from the workspace folder. */
export function jobSettings(
  {requireConfig, ignorePath, baseline, baselined, template}: Settings,
  cwd: string
): Pick<Job, 'requireConfig' | 'ignorePath' | 'baseline' | 'baselined' | 'template'> {
  return {
    requireConfig,
    ignorePath: ignorePath && path.resolve(cwd, ignorePath),
    baseline: baseline && path.resolve(cwd, baseline),
    baselined,
    template: template && path.resolve(cwd, template)
  }
}
