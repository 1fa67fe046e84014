// Reading the pages the tests get back with a real HTML parser
// (node-html-parser), never with regular expressions: elements by selector,
// text and attribute values decoded as a browser would show them.
import { parse, type HTMLElement } from "node-html-parser";

export type { HTMLElement };

/** The page (or fragment) as a tree. */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false });
}

const rootOf = (page: string | HTMLElement) => (typeof page === "string" ? parseHtml(page) : page);

/** The first element matching the selector, or undefined. */
export function find(page: string | HTMLElement, selector: string): HTMLElement | undefined {
  return rootOf(page).querySelector(selector) ?? undefined;
}

/** Every element matching the selector, in document order. */
export function findAll(page: string | HTMLElement, selector: string): HTMLElement[] {
  return rootOf(page).querySelectorAll(selector);
}

/** The one element the test needs: a missing one fails with the selector's name. */
export function one(page: string | HTMLElement, selector: string): HTMLElement {
  const element = find(page, selector);
  if (!element) throw new Error(`no element matches ${selector}`);
  return element;
}

/** An element's text as shown: entities decoded, runs of white space as one space, trimmed. */
export function textOf(element: HTMLElement | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** The texts of every element matching the selector. */
export function texts(page: string | HTMLElement, selector: string): string[] {
  return findAll(page, selector).map(textOf);
}

/** The decoded value of an attribute of the first element matching the selector. */
export function attr(page: string | HTMLElement, selector: string, name: string): string | undefined {
  return find(page, selector)?.getAttribute(name);
}

/** The values of an attribute on every element matching the selector. */
export function attrs(page: string | HTMLElement, selector: string, name: string): string[] {
  return findAll(page, selector).map((e) => e.getAttribute(name)).filter((v): v is string => v !== undefined);
}

/** The address the page's rel="next" link points to, if any. */
export function nextHref(page: string | HTMLElement): string | undefined {
  return attr(page, 'a[rel="next"]', "href");
}

/** The replies of a thread page, in document order. */
export function replyIds(page: string | HTMLElement): number[] {
  return attrs(page, 'li.reply[id^="reply-"]', "id").map((id) => Number(id.slice("reply-".length)));
}

/** The rows of the body of the table with that id: each row's cells (th and td) as text. */
export function tableCells(page: string | HTMLElement, id: string): string[][] {
  return findAll(page, `table#${id} tbody tr`).map((tr) => tr.querySelectorAll("th, td").map(textOf));
}

/** Whom the page's header says is logged in: the name linking to their settings. */
export function loggedInAs(page: string | HTMLElement): string | undefined {
  const link = find(page, 'a[href="/settings"]');
  return link ? textOf(link) : undefined;
}

/** The hidden CSRF token of the page's first form. */
export function csrfToken(page: string | HTMLElement): string | undefined {
  return attr(page, 'input[name="_csrf"]', "value");
}

/** What a form field holds: an input's value, a select's selected option, a textarea's text. */
export function fieldValue(page: string | HTMLElement, name: string): string | undefined {
  const field = find(page, `[name="${name}"]`);
  if (!field) return undefined;
  if (field.tagName === "SELECT") return field.querySelector("option[selected]")?.getAttribute("value");
  // A browser drops the newline right after <textarea>.
  if (field.tagName === "TEXTAREA") return field.textContent.replace(/^\r?\n/, "");
  return field.getAttribute("value");
}

/** The message shown next to a form field (the error paragraph the field's input points to). */
export function fieldError(page: string | HTMLElement, name: string): string | undefined {
  const error = find(page, `p.error#f-${name}-error`);
  return error ? textOf(error) : undefined;
}

/** The description a definition list gives a term: the dd after the dt with that text. */
export function definition(page: string | HTMLElement, term: string): string | undefined {
  const dt = findAll(page, "dt").find((e) => textOf(e) === term);
  return dt?.nextElementSibling ? textOf(dt.nextElementSibling) : undefined;
}

/** The descriptions every definition list on the page gives a term, in document order. */
export function definitions(page: string | HTMLElement, term: string): string[] {
  return findAll(page, "dt")
    .filter((e) => textOf(e) === term)
    .map((dt) => textOf(dt.nextElementSibling ?? undefined));
}
