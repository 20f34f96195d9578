#!/usr/bin/env node
/**
 * `npm run docs`: write the README's rule sections, between
 * `<!-- rules:start … -->` and `<!-- rules:end -->`, from the rules of the
 * registry (`src/rules/index.ts`): for each, in registry order, its module's
 * leading doc comment, in which a line `@example <fixture>.md` stands for the
 * messages of that fixture's golden file (`fixtures/<rule>/<fixture>.expected`,
 * written by test/rules.test.ts), then a table of its options, read from the
 * `options` record of its declaration: name, kind, doc comment and its
 * `@default`.
 *
 * It also writes the README's `$ npx milestone-lint --help` block and the
 * pre-commit hook's `description` in
 * `.pre-commit-hooks.yaml`: the help's summary of the rules, from the built
 * dist/ (hence `npm run docs` builds first).
 *
 * `node scripts/docs.mjs --check [README]` writes nothing: it exits 1 when
 * the README's rule sections are not what it would write (test/docs.test.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import ts from 'typescript'

const root = path.join(import.meta.dirname, '..')
const start = /^<!-- rules:start\b.*-->\n/m
const end = /^<!-- rules:end -->$/m

/** How the README names each kind of option (`OptionKinds`, src/match/options.ts). */
const kindNames = {
  boolean: 'boolean',
  string: 'string',
  strings: 'strings',
  levels: 'strings',
  patterns: 'strings',
  globs: 'glob or globs',
  file: 'path or `file:` URL'
}

/** The rule sections, as the README should hold them. */
function ruleSections() {
  return registry()
    .map(({id, module}) => section(id, module))
    .join('\n')
}

/** The registry's rules, in order: their ids and module files. */
function registry() {
  const file = path.join(root, 'src/rules/index.ts')
  const source = parse(file)
  const imports = new Map()
  let record
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause?.name) {
      imports.set(statement.importClause.name.text, statement.moduleSpecifier.text)
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.name.getText(source) === 'rules') record = objectOf(declaration.initializer)
      }
    }
  }
  if (!record) throw new Error('src/rules/index.ts: no `rules` record')
  return record.properties.map((property) => {
    const specifier = imports.get(property.initializer.getText(source))
    if (!specifier) throw new Error(`src/rules/index.ts: rule \`${property.name.text}\` is not a default import`)
    return {id: property.name.text, module: path.join(path.dirname(file), specifier.replace(/\.js$/, '.ts'))}
  })
}

/** One rule's section. */
function section(id, module) {
  const source = parse(module)
  const [comment] = ts.getLeadingCommentRanges(source.text, 0) ?? []
  if (!comment) throw new Error(`${relative(module)}: no leading doc comment`)
  const prose = lines(source.text.slice(comment.pos, comment.end))
    .map((line) => {
      const example = /^@example (\S+\.md)$/.exec(line)
      return example ? messages(id, example[1]) : line
    })
    .join('\n')
  return `### \`${id}\`\n\n${prose}\n\n${options(id, source)}\n`
}

/** A fixture's messages, from its golden file, as a text block after the fixture's name and options. */
function messages(id, name) {
  const fixture = path.join('fixtures', id.replace(/^milestone-/, ''), name)
  const golden = path.join(root, fixture.replace(/\.md$/, '.expected'))
  if (!fs.existsSync(golden)) throw new Error(`${id}: no golden file ${relative(golden)} for \`@example ${name}\``)
  const found = fs
    .readFileSync(golden, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith(' '))
    .map((line) => {
      const [, place = '', reason = ''] = /^(\S+) \S+: (.*)$/.exec(line) ?? []
      return {place, reason}
    })
  if (found.length === 0) throw new Error(`${id}: \`@example ${name}\` has no messages`)
  const width = Math.max(...found.map((message) => message.place.length))
  const optionsFile = path.join(root, fixture.replace(/\.md$/, '.options.json'))
  const options = fs.existsSync(optionsFile)
    ? `, with the options \`${JSON.stringify(JSON.parse(fs.readFileSync(optionsFile, 'utf8')))}\``
    : ''
  return [
    `[\`${fixture}\`](${encodeURI(fixture)})${options}:`,
    '',
    '```text',
    ...found.map((message) => `${message.place.padEnd(width)} ${message.reason}`),
    '```'
  ].join('\n')
}

/** The table of a rule's own options. */
function options(id, source) {
  const record = optionRecord(source)
  if (!record || record.properties.length === 0) return 'Options: the shared ones only.'
  const rows = record.properties.map((property) => {
    const name = property.name.getText(source)
    const kind = property.initializer.text
    if (!(kind in kindNames)) throw new Error(`${id}: option \`${name}\` of unknown kind \`${kind}\``)
    const [comment] = (ts.getLeadingCommentRanges(source.text, property.getFullStart()) ?? []).slice(-1)
    const text = comment ? lines(source.text.slice(comment.pos, comment.end)) : []
    const fallback = text.find((line) => line.startsWith('@default '))
    const meaning = text.filter((line) => line && !line.startsWith('@')).join(' ')
    if (!fallback || !meaning) throw new Error(`${id}: option \`${name}\` needs a doc comment with a \`@default\``)
    const cells = [`\`${name}\``, kindNames[kind], fallback.slice('@default '.length), meaning]
    return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`
  })
  return ['| option | type | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

/** The `options` record of the module's `milestoneRule({…})` declaration. */
function optionRecord(source) {
  let record
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.getText(source) === 'milestoneRule') {
      const property = objectOf(node.arguments[0])?.properties.find((each) => each.name?.getText(source) === 'options')
      if (property) record = objectOf(ts.isShorthandPropertyAssignment(property) ? property.name : property.initializer)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  if (record && !ts.isObjectLiteralExpression(record)) {
    // An identifier: the record declared under that name in the module.
    const name = record.getText(source)
    record = undefined
    source.forEachChild((statement) => {
      if (!ts.isVariableStatement(statement)) return
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.name.getText(source) === name) record = objectOf(declaration.initializer)
      }
    })
  }
  return record
}

/** An object literal, through `as const` and `satisfies`; or the expression itself when it is not one. */
function objectOf(node) {
  while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))) {
    node = node.expression
  }
  return node
}

/** The lines of a `/** … *\/` comment, without its stars. */
function lines(comment) {
  return comment
    .replace(/^\/\*\*\s*\n?/, '')
    .replace(/\s*\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
}

function parse(file) {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
}

function relative(file) {
  return path.relative(root, file)
}

/** The README with its rule sections replaced. */
function withRuleSections(readme) {
  const from = start.exec(readme)
  const to = end.exec(readme)
  if (!from || !to || to.index < from.index)
    throw new Error('README.md: no `<!-- rules:start -->` … `<!-- rules:end -->`')
  const at = from.index + from[0].length
  return readme.slice(0, at) + '\n' + ruleSections() + '\n' + readme.slice(to.index)
}

/** The help's text and its summary of the rules, from the built dist/cli/help.js. */
const {help, summary} = await import(pathToFileURL(path.join(root, 'dist/cli/help.js')).href)

/** The README with its `$ npx milestone-lint --help` block showing the help, which lists the rules. */
function withHelp(readme) {
  const block = /^```text\n\$ npx milestone-lint --help\n[^]*?^```$/m
  if (!block.test(readme)) throw new Error('README.md: no `$ npx milestone-lint --help` block')
  return readme.replace(block, () => `\`\`\`text\n$ npx milestone-lint --help\n${help.trimEnd()}\n\`\`\``)
}

/** The pre-commit hook file with its `description` set to the help's summary of the rules, quoted as prettier writes YAML. */
function withHookDescription(hooks) {
  return hooks.replace(/^ {2}description: .*$/m, `  description: '${summary.replaceAll("'", "''")}'`)
}

if (process.argv[1] === import.meta.filename) {
  const check = process.argv[2] === '--check'
  const file = process.argv[check ? 3 : 2] ?? path.join(root, 'README.md')
  const readme = fs.readFileSync(file, 'utf8')
  const wanted = withHelp(withRuleSections(readme))
  if (check && wanted !== readme) {
    console.error('README is stale: run npm run docs')
    process.exit(1)
  }
  if (wanted !== readme) {
    fs.writeFileSync(file, wanted)
    console.error(`docs: wrote the rule sections of ${relative(file)}`)
  }
  const hooksFile = path.join(root, '.pre-commit-hooks.yaml')
  const hooks = fs.readFileSync(hooksFile, 'utf8')
  const wantedHooks = withHookDescription(hooks)
  if (!check && wantedHooks !== hooks) {
    fs.writeFileSync(hooksFile, wantedHooks)
    console.error(`docs: wrote the hook description in ${relative(hooksFile)}`)
  }
}
