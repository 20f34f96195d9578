import type {Nodes, Root} from 'mdast'

/**
 * Call `enter` on a tree and every node in it, in document order; when it
 * returns `false`, not on that node's children. A loop, not recursion, so
 * no tree is too deep for it; and without `unist-util-visit`'s per-node
 * bookkeeping (ancestor lists, tests), which showed in profiles: the model
 * and the placeholder masks walk every node of every doc.
 */
export function eachNode(tree: Nodes, enter: (node: Nodes) => boolean | undefined): void {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (enter(node) === false || !('children' in node)) continue
    const children: readonly Nodes[] = node.children
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
}

/**
 * Whether text added at the end of a doc could be read as part of its last
 * block: an HTML block or code block (an unclosed fence, an HTML block
 * running to a blank line) might swallow it. Fixes insert nothing there.
 */
export function endSwallows(tree: Root): boolean {
  const last = tree.children.at(-1)
  return last?.type === 'html' || last?.type === 'code'
}
