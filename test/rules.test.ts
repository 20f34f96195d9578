/**
 * Every rule of the registry over each of its fixtures (`test/golden.ts`):
 * its messages are those of the fixture's golden file, the same with CRLF
 * line endings and with a byte order mark, and none on its tree without
 * positions; and, for a fixture with certain fixes, its text after `--fix`
 * with the rule alone is its before/after pair (`<name>.fixed.md`), with no
 * certain fix left, and fixing it again changes nothing. `UPDATE_GOLDEN=1`
 * writes the golden files and pairs instead of comparing.
 */
import {existsSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {remark} from 'remark'
import {removePosition} from 'unist-util-remove-position'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {milestoneSyntax} from '../src/index.js'
import {rules} from '../src/rules/index.js'
import {certainEdits} from '../src/cli/fix.js'
import {
  fixFixture,
  fixedOf,
  fixtureFolder,
  fixtureNames,
  fixtureOptions,
  golden,
  goldenOf,
  lintFixture,
  optionsOf
} from './golden.js'
import {messages} from './helpers.js'

const update = process.env.UPDATE_GOLDEN === '1'

for (const [id, rule] of Object.entries(rules)) {
  const folder = fixtureFolder(id)
  const names = fixtureNames(folder)

  describe(id, () => {
    it(`has fixtures in ${folder}/, and no golden, pair or options file without its fixture`, () => {
      expect(names.length).toBeGreaterThan(0)
      const owned = new Set(names.flatMap((name) => [goldenOf(name), fixedOf(name), optionsOf(name)]))
      const strays = readdirSync(folder).filter(
        (name) => /\.(expected|fixed\.md|options\.json)$/.test(name) && !owned.has(name)
      )
      expect(strays).toEqual([])
    })

    describe.each(names)('%s', (name) => {
      const fixture = path.join(folder, name)
      const text = readFileSync(fixture, 'utf8')

      it('gives the messages of its golden file', async () => {
        const found = golden(await lintFixture(rule, fixture))
        const file = goldenOf(fixture)
        if (update) writeFileSync(file, found)
        else if (!existsSync(file))
          expect.fail(`${file} is missing: write it with UPDATE_GOLDEN=1 npx vitest run test/rules.test.ts`)
        expect(found).toBe(readFileSync(file, 'utf8'))
      })

      it('gives the same messages with CRLF line endings (their fixes in CRLF too) and with a byte order mark', async () => {
        const found = golden(await lintFixture(rule, fixture))
        const crlf = golden(await lintFixture(rule, fixture, text.replace(/\r?\n/g, '\r\n')))
        // In the golden text, `expected` is JSON: a line break in it is `\n`, or `\r\n` in a CRLF doc.
        expect(crlf).not.toMatch(/(?<!\\r)\\n/)
        expect(crlf.replaceAll('\\r\\n', '\\n')).toBe(found)
        expect(golden(await lintFixture(rule, fixture, '\uFEFF' + text))).toBe(found)
      })

      it('fixes to its before/after pair, if it has certain fixes; then none is left, and fixing again changes nothing', async () => {
        const pair = fixedOf(fixture)
        const fixed = await fixFixture(rule, fixture)
        if (!fixed) {
          if (update) rmSync(pair, {force: true})
          else if (existsSync(pair)) expect.fail(`${pair} is stray: ${name} has no certain fix`)
          return
        }
        if (update) writeFileSync(pair, fixed.text)
        else if (!existsSync(pair))
          expect.fail(`${pair} is missing: write it with UPDATE_GOLDEN=1 npx vitest run test/rules.test.ts`)
        expect(fixed.text).toBe(readFileSync(pair, 'utf8'))
        expect(certainEdits(fixed.file)).toEqual([])
        expect(await fixFixture(rule, fixture, fixed.text)).toBeUndefined()
      })

      it('fixes alike with CRLF line endings and with a byte order mark, keeping them', async () => {
        const fixed = (await fixFixture(rule, fixture))?.text
        const crlf = await fixFixture(rule, fixture, text.replace(/\r?\n/g, '\r\n'))
        expect(crlf?.text).toBe(fixed?.replace(/\r?\n/g, '\r\n'))
        expect((await fixFixture(rule, fixture, '\uFEFF' + text))?.text).toBe(fixed && '\uFEFF' + fixed)
      })

      it('gives no message on its tree without positions', async () => {
        const file = new VFile({path: fixture, value: text})
        const processor = remark().use(milestoneSyntax).use(rule, fixtureOptions(fixture))
        const tree = processor.parse(file)
        removePosition(tree, {force: true})
        await processor.run(tree, file)
        expect(messages(file)).toEqual([])
      })
    })
  })
}
