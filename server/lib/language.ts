// The language a page is rendered in. Every kept rendering's key names one, so
// that when pages come in English and German neither is served for the other.
export type Language = "en";

/** The one place that decides it; for now every page is English. */
export function pageLanguage(): Language {
  return "en";
}
