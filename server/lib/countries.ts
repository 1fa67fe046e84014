// ISO 3166-1 alpha-2 countries with English names, from the runtime's own
// region data, for the story form's country list.
const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
// Codes Intl names that are not countries (regions, groupings, placeholders).
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AA", "XK", "AN", "BU", "CS", "DD", "FX", "NT", "QU", "SU", "TP", "UK", "YD", "YU", "ZR", "CP", "DG", "EA", "IC", "TA", "AC"]);

export const COUNTRIES: ReadonlyMap<string, string> = (() => {
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
  entries.sort((x, y) => x[1].localeCompare(y[1], "en"));
  return new Map(entries);
})();

export const isCountry = (code: string) => COUNTRIES.has(code);
export const countryName = (code: string) => COUNTRIES.get(code) ?? code;
