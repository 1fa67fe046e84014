// Nests a thread's replies under their parents, keeping each level in posting order.
import type { ReplyRow } from "./queries.js";

export interface ReplyNode extends ReplyRow {
  children: ReplyNode[];
  /** Visible official responses in this reply's subtree, itself included. */
  officialIds: number[];
}

/** Past this depth replies continue without further indent, so a long argument stays readable on a phone. */
export const MAX_INDENT = 6;

export function nestReplies(rows: ReplyRow[]): ReplyNode[] {
  const nodes = new Map<number, ReplyNode>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [], officialIds: [] });
  const roots: ReplyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  return officialFirst(prune(roots));
}

/**
 * The company's reply first: a top-level reply that is, or has under it, an
 * official response moves before the others, with its whole discussion, so a
 * nested official reply keeps its context. Otherwise posting order stays.
 */
function officialFirst(roots: ReplyNode[]): ReplyNode[] {
  const collect = (node: ReplyNode): number[] => {
    const own = node.official && !node.deleted_at && !node.hidden_at ? [node.id] : [];
    node.officialIds = [...own, ...node.children.flatMap(collect)];
    return node.officialIds;
  };
  roots.forEach(collect);
  return [...roots.filter((r) => r.officialIds.length), ...roots.filter((r) => !r.officialIds.length)];
}

/** A deleted reply stays as "[deleted]" only while answers hang from it. */
function prune(nodes: ReplyNode[]): ReplyNode[] {
  return nodes.flatMap((node) => {
    node.children = prune(node.children);
    return node.deleted_at && node.children.length === 0 ? [] : [node];
  });
}
