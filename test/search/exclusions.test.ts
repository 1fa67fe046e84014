// Which parts of a websearch query are exclusions, read the way websearch_to_tsquery reads them.
import { describe, expect, it } from "vitest";
import { exclusionQuery } from "../../server/search/exclusions.js";

describe("exclusionQuery", () => {
  it.each([
    ["refund -parcel", "parcel"],
    ["a -b -c", "b OR c"],
    ['kamen -"Lieferungen kamen"', '"Lieferungen kamen"'],
    ['kamen -"unclosed phrase', '"unclosed phrase"'],
    ["(-d) !-e", "d) OR e"],
    ["--twice means wanted", ""],
    ["---thrice", "thrice"],
    ["e-mail well-known", ""],
    ['"a phrase -with a minus"', ""],
    ["- -", ""],
    ['-"" -""""', ""],
    ["", ""],
  ])("%j excludes %j", (query, expected) => {
    expect(exclusionQuery(query)).toBe(expected);
  });
});
