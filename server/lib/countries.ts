// ISO 3166-1 alpha-2 countries with their names in each page locale, from the
// runtime's own region data, for the story form's country list and the facts.
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "../i18n/locales.js";

// Codes Intl names that are not countries (regions, groupings, placeholders).
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AA", "XK", "AN", "BU", "CS", "DD", "FX", "NT", "QU", "SU", "TP", "UK", "YD", "YU", "ZR", "CP", "DG", "EA", "IC", "TA", "AC"]);

function countriesIn(locale: Locale): ReadonlyMap<string, string> {
  const names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "region", fallback: "code" });
  const entries: [string, string][] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      // Withdrawn codes (DY for Benin, RH for Zimbabwe) canonicalise to the current one: offer only that.
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      const name = names.of(code);
      if (name && name !== code) entries.push([code, name]);
    }
  }
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  entries.sort((x, y) => collator.compare(x[1], y[1]));
  return new Map(entries);
}

const BY_LOCALE: Record<Locale, ReadonlyMap<string, string>> = { en: countriesIn("en"), de: countriesIn("de") };

/** Code → name, sorted by name as the locale sorts. */
export function countriesFor(locale: Locale): ReadonlyMap<string, string> {
  return BY_LOCALE[locale];
}
/** The English list (which codes exist is the same in every locale). */
export const COUNTRIES = countriesFor(DEFAULT_LOCALE);

export const isCountry = (code: string) => COUNTRIES.has(code);
export const countryName = (code: string, locale: Locale = DEFAULT_LOCALE) => countriesFor(locale).get(code) ?? code;
