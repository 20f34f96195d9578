/**
 * Every rule of the registry over each of its fixtures (`test/golden.ts`):
 * its messages are those of the fixture's golden file, the same with CRLF
 * line endings and with a byte order mark, and none on its tree without
 * positions. `UPDATE_GOLDEN=1` writes the golden files instead of comparing.
 */
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {remark} from 'remark'
import {removePosition} from 'unist-util-remove-position'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {milestoneSyntax} from '../src/index.js'
import {rules} from '../src/rules/index.js'
import {fixtureFolder, fixtureNames, fixtureOptions, golden, goldenOf, lintFixture, optionsOf} from './golden.js'
import {messages} from './helpers.js'

const update = process.env.UPDATE_GOLDEN === '1'

for (const [id, rule] of Object.entries(rules)) {
  const folder = fixtureFolder(id)
  const names = fixtureNames(folder)

  describe(id, () => {
    it(`has fixtures in ${folder}/, and no golden or options file without its fixture`, () => {
      expect(names.length).toBeGreaterThan(0)
      const owned = new Set(names.flatMap((name) => [goldenOf(name), optionsOf(name)]))
      const strays = readdirSync(folder).filter((name) => /\.(expected|options\.json)$/.test(name) && !owned.has(name))
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

      it('gives the same messages with CRLF line endings and with a byte order mark', async () => {
        const found = golden(await lintFixture(rule, fixture))
        expect(golden(await lintFixture(rule, fixture, text.replace(/\r?\n/g, '\r\n')))).toBe(found)
        expect(golden(await lintFixture(rule, fixture, '\uFEFF' + text))).toBe(found)
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
