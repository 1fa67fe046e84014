// The "-word" and -"a phrase" parts of a websearch query. The query runs in
// English and in German, OR-ed; on its own that lets an excluded word through
// whenever the other language stems it differently ("-Lieferungen" is
// 'lieferungen' in English, 'liefer' in German), so exclusions are applied
// again, in both languages at once.

// A token is a quoted phrase (its closing quote optional) or a run of
// non-space characters, with any leading minus signs and the operator
// characters websearch_to_tsquery skips before it.
const TOKEN = /[(!&|]*(-+)?("[^"]*"?|[^\s"]+)/g;

/** The excluded words and phrases as one websearch query ("a OR "b c""), or "" when there are none. */
export function exclusionQuery(text: string): string {
  const excluded: string[] = [];
  for (const [, minus, term] of text.matchAll(TOKEN)) {
    // "--word" is a double negation to websearch_to_tsquery: the word is wanted.
    if (!minus || minus.length % 2 === 0 || !term) continue;
    if (term.startsWith('"')) {
      const phrase = term.replace(/"/g, "").trim();
      if (phrase) excluded.push(`"${phrase}"`);
    } else {
      // A word never re-opens a negation or a phrase inside the exclusion query.
      const word = term.replace(/^[-(!&|]+/, "");
      if (word) excluded.push(word);
    }
  }
  return excluded.join(" OR ");
}
