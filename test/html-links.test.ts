/**
 * Links written in HTML: the start tags and attributes of a piece of HTML
 * (src/text/html.ts), read as a browser reads them, and a doc's `<a href>`
 * links with where each href is written (src/model/html-links.ts). The
 * rules that count them are tested on their fixtures
 * (fixtures/relative-links/html-links.md) and in overview-sync.test.ts.
 */
import {fromMarkdown} from 'mdast-util-from-markdown'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildModel} from '../src/model/model.js'
import {syntax} from '../src/model/syntax.js'
import {startTags} from '../src/text/html.js'

/** The hrefs of a piece of HTML's `<a>` tags. */
function hrefs(html: string): string[] {
  return startTags(html).flatMap((tag) =>
    tag.name === 'a' ? tag.attributes.filter((attribute) => attribute.name === 'href').map(({value}) => value) : []
  )
}

describe('the start tags of a piece of HTML', () => {
  it.each([
    ['double quotes', '<a href="./x.md">x</a>', ['./x.md']],
    ['single quotes', "<a href='./x.md'>x</a>", ['./x.md']],
    ['no quotes', '<a href=./x.md>x</a>', ['./x.md']],
    ['any case and attribute order, spaces around `=`', '<A TITLE="t" HREF = "./x.md">', ['./x.md']],
    ['a line break between attributes', '<a\nclass="c"\nhref="./x.md"\n>', ['./x.md']],
    ['no space after a quoted value', '<a title="t"href="./x.md">', ['./x.md']],
    ['character references decoded', '<a href="./a&amp;b&#45;c&#x2D;d.md?x=1&copy=2">', ['./a&b-c-d.md?x=1&copy=2']],
    ['the first of a repeated attribute', '<a href="./1.md" HREF="./2.md">', ['./1.md']],
    ['a `>` in a quoted value', '<a title="a > b" href="./x.md">', ['./x.md']],
    ['an anchor without href', '<a name="top">', []],
    ['another tag', '<link href="./x.css"><area href="./y.md">', []],
    ['a tag name starting with `a`', '<abbr href="./x.md">', []],
    ['in a comment', '<!-- <a href="./x.md"> -->', []],
    ['after a comment', '<!-- x --><a href="./y.md">', ['./y.md']],
    [
      'after comments closed at once or by `--!>`',
      '<!--><a href=a><!---><a href=b><!-- c --!><a href=d>',
      ['a', 'b', 'd']
    ],
    ['in an unclosed comment', '<!-- <a href="./x.md">', []],
    ['in a doctype, a processing instruction or CDATA', '<!DOCTYPE a><?a href="./x.md"?><![CDATA[<a href=x>]]>', []],
    ['in an end tag', '</a href="./x.md"><a href="./y.md">', ['./y.md']],
    ['in a script, then after it', '<script>"<a href=x>"</SCRIPT ><a href=y>', ['y']],
    ['in a textarea left open', '<textarea><a href=x>', []],
    ['in a tag the text ends in', '<a href="./x.md"', []],
    ['in a quote the text ends in', '<a href="./x.md>x</a>', []],
    ['with an empty or missing value', '<a href="">x</a><a href>y</a><a href=>', ['', '', '']],
    ['text that is no tag', 'a < b, <3, <>, </>, < a href=x>', []]
  ])('%s', (_, html, expected) => {
    expect(hrefs(html)).toEqual(expected)
  })

  it('says where each value is written', () => {
    const html = '<a class=c href="./x.md">'
    const [attribute] = startTags(html)[0]!.attributes.filter((attribute) => attribute.name === 'href')
    expect(html.slice(attribute!.start, attribute!.end)).toBe('./x.md')
  })
})

/** The HTML links of a doc, each as `line:column-line:column url` (the place of its href). */
function linksOf(text: string): string[] {
  const model = buildModel(fromMarkdown(text, syntax), new VFile({path: 'doc.md', value: text}))
  return model.htmlLinks.map(({url, position}) => {
    const {start, end} = position!
    return `${start.line}:${start.column}-${end.line}:${end.column} ${url}`
  })
}

describe('a doc’s HTML links', () => {
  it('are read from inline and block HTML, each placed on its href', () => {
    const text = [
      '# Doc',
      '',
      'See <a href="./a.md">a</a> and <b><a title="t" href=\'./b.md\'>b</a></b>.',
      '',
      '<ul>',
      '  <li><a href="./c.md">c</a></li>',
      '</ul>'
    ].join('\n')
    expect(linksOf(text)).toEqual(['3:14-3:20 ./a.md', '3:54-3:60 ./b.md', '6:16-6:22 ./c.md'])
  })

  it('are placed in block quotes and list items, whose marks their HTML leaves out', () => {
    const text = [
      '> <div>',
      '> <a href="./a.md">a</a>',
      '> </div>',
      '',
      '> Inline on two lines: <a',
      '>   href="./b.md">b</a>',
      '',
      '- <p>',
      '  <a href="./c.md">c</a>',
      '  </p>'
    ].join('\n')
    expect(linksOf(text)).toEqual(['2:12-2:18 ./a.md', '6:11-6:17 ./b.md', '9:12-9:18 ./c.md'])
  })

  it('are placed alike with CRLF and CR line endings', () => {
    const text = '> <div>\n> <a href="./a.md">a</a>\n> </div>\n\nText <a\nhref="./b.md">b</a>.\n'
    const lf = linksOf(text)
    expect(lf).toEqual(['2:12-2:18 ./a.md', '6:7-6:13 ./b.md'])
    expect(linksOf(text.replace(/\n/g, '\r\n'))).toEqual(lf)
    expect(linksOf(text.replace(/\n/g, '\r'))).toEqual(lf)
  })

  it('take the URL a browser reads: references decoded, outer spaces and inner line breaks dropped', () => {
    expect(linksOf('<p><a href=" ./a&#45;b.md ">x</a></p>')).toEqual(['1:13-1:27 ./a-b.md'])
    expect(linksOf('<p><a href="./a\n.md">x</a></p>')).toEqual(['1:13-2:4 ./a.md'])
  })

  it('are none in comments, code or text', () => {
    const text = [
      '<!-- <a href="./a.md">a</a> -->',
      '',
      'Text <!-- <a href="./b.md"> --> and `<a href="./c.md">`.',
      '',
      '    <a href="./d.md">d</a>',
      '',
      '\\<a href="./e.md">e</a>'
    ].join('\n')
    expect(linksOf(text)).toEqual([])
  })
})
