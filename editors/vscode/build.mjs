#!/usr/bin/env node
/**
 * Part of `npm run package:vscode` (after `npm run build`): bundle the
 * extension's client (CommonJS, as VS Code loads it) into dist/, and the
 * language server with its worker into server/, laid out as in the package
 * (server/dist/cli/, server/dist/schema/, server/templates/) so the paths
 * the code finds from its own URL still hold.
 */
import fs from 'node:fs'
import path from 'node:path'
import {build} from 'esbuild'

const here = import.meta.dirname
const root = path.join(here, '..', '..')
const server = path.join(here, 'server')

await build({
  entryPoints: [path.join(here, 'src', 'extension.mts')],
  outfile: path.join(here, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  minify: true,
  logLevel: 'warning'
})

fs.rmSync(server, {recursive: true, force: true})
await build({
  entryPoints: ['language-server', 'lint-worker'].map((name) => path.join(root, 'dist', 'cli', `${name}.js`)),
  outdir: path.join(server, 'dist', 'cli'),
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  // CommonJS dependencies bundled into ESM still call `require`.
  banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
  logLevel: 'warning'
})
const copies = {
  'dist/schema/bundled-schema.json': 'dist/schema/bundled-schema.json',
  'templates/milestone-template.md': 'templates/milestone-template.md',
  // Loaded with `createRequire` only when a config has `ignores`: kept as a module.
  'node_modules/picomatch': 'node_modules/picomatch'
}
for (const [from, to] of Object.entries(copies)) {
  fs.cpSync(path.join(root, from), path.join(server, to), {recursive: true})
}
fs.writeFileSync(path.join(server, 'package.json'), JSON.stringify({type: 'module', private: true}) + '\n')
