// Nests a thread's replies under their parents, keeping each level in posting order.
import type { ReplyRow } from "./queries.js";

export interface ReplyNode extends ReplyRow {
  children: ReplyNode[];
}

/** Past this depth replies continue without further indent, so a long argument stays readable on a phone. */
export const MAX_INDENT = 6;

export function nestReplies(rows: ReplyRow[]): ReplyNode[] {
  const nodes = new Map<number, ReplyNode>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [] });
  const roots: ReplyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  return prune(roots);
}

/** A deleted reply stays as "[deleted]" only while answers hang from it. */
function prune(nodes: ReplyNode[]): ReplyNode[] {
  return nodes.flatMap((node) => {
    node.children = prune(node.children);
    return node.deleted_at && node.children.length === 0 ? [] : [node];
  });
}
