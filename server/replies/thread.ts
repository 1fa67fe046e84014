// Nests one page of a thread's replies under their parents. Rows come in
// display order (a depth-first walk), so a reply's parent, when on the same
// page, is on the path from the page's top to it; a reply whose parent is on
// an earlier page starts the page and says whom it answers.
import type { ReplyRow } from "./queries.js";

export interface ReplyNode extends ReplyRow {
  children: ReplyNode[];
  /** Set when the parent is on an earlier page: its author, or null when it was deleted. */
  continues: { parentId: number; parentAuthor: string | null } | null;
}

/** Past this depth replies continue without further indent, so a long argument stays readable on a phone. */
export const MAX_INDENT = 6;

export function nestReplies(rows: readonly ReplyRow[]): ReplyNode[] {
  const roots: ReplyNode[] = [];
  const open: ReplyNode[] = []; // the current reply's ancestors on this page
  for (const row of rows) {
    while (open.length && open[open.length - 1]!.id !== row.parent_id) open.pop();
    const parent = open[open.length - 1];
    const continues = !parent && row.parent_id !== null ? { parentId: row.parent_id, parentAuthor: row.parent_author_username } : null;
    const node: ReplyNode = { ...row, children: [], continues };
    (parent ? parent.children : roots).push(node);
    open.push(node);
  }
  return roots;
}
