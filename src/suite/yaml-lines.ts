// Lines for errors in hand-edited YAML (suites, `gates:` sections and files).
import type { Document, LineCounter, Node } from 'yaml';

/**
 * The line of the deepest node along `path` that exists: a missing key is reported at its
 * parent's line. Undefined when no node on the way has a position.
 */
export function deepestLine(doc: Document, lines: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let i = path.length; i >= 0; i--) {
    const node = (i === 0 ? doc.contents : doc.getIn(path.slice(0, i), true)) as Node | null | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
