/** The example milestone doc as parts the generator repeats. */

/** The example doc as its H2 sections, each with its H3 parts (blank lines and `---` around them trimmed). */
export function parseExample(text) {
  const sections = []
  const head = []
  let current
  let sub
  let fence = false
  for (const line of text.split('\n')) {
    if (/^```/.test(line)) fence = !fence
    if (!fence && line.startsWith('## ')) {
      current = {heading: line.slice(3), intro: [], parts: []}
      sub = undefined
      sections.push(current)
      continue
    }
    if (!fence && line.startsWith('### ') && current) {
      sub = {heading: line.slice(4), lines: []}
      current.parts.push(sub)
      continue
    }
    if (!current) head.push(line)
    else if (sub) sub.lines.push(line)
    else current.intro.push(line)
  }
  const byName = Object.fromEntries(sections.map((section) => [section.heading, section]))
  return {
    head: trimBlock(head),
    order: sections.map((section) => section.heading),
    body: (name) => trimBlock(byName[name].intro),
    parts: (name) => byName[name].parts.map((part) => ({heading: part.heading, body: trimBlock(part.lines)}))
  }
}

function trimBlock(lines) {
  let start = 0
  let end = lines.length
  while (start < end && (lines[start].trim() === '' || lines[start].trim() === '---')) start++
  while (end > start && (lines[end - 1].trim() === '' || lines[end - 1].trim() === '---')) end--
  return lines.slice(start, end).join('\n')
}
