// Languages: every page in English and German, one language per URL.
//
// HOW TO USE (views, routes, and the catalogues)
// - Locales: `Locale = "en" | "de"` (locales.ts). English is unprefixed, German lives under /de/.
//   plugins/locale.ts strips the prefix before routing (so every route is registered once, unprefixed)
//   and sets `request.locale` and `request.i18n`; `request.url` is always the unprefixed URL.
// - Catalogues: messages/en.ts is the source, one section per area in messages/en/<section>.ts;
//   messages/de/<section>.ts must have exactly the same keys (`satisfies Messages["section"]`),
//   and messages/de.ts `satisfies Messages`. A message with parameters is a function
//   (`unread: (count: string) => ...`); pass numbers already formatted with `fmt.number`.
//   German is formal ("Sie"). To add an area: write en/<area>.ts and de/<area>.ts, add one line to each of en.ts/de.ts.
// - In every template (plugins/view.ts puts them in each page's data):
//     it.t      the page locale's catalogue:        <%= it.t.layout.nav.stories %>, <%= it.t.errors.code(404) %>
//     it.fmt    Intl formatting in that locale:     it.fmt.date(d), it.fmt.dateTime(d), it.fmt.duration(s),
//               it.fmt.number(n), it.fmt.percent(r), it.fmt.month("2025-03"), it.fmt.country("DE"), it.fmt.countries()
//     it.paths  every link, prefixed for the locale (lib/paths.ts): it.paths.story(s), it.paths.login(next),
//               it.paths.to("/already/shaped?x=1") for a path a route shaped; never spell "/..." in a view
//               (not `it.path`: a story's data already has `path`, its escalation steps)
//     it.locale "en" | "de"; enum labels are it.t.enums.channel[key] etc.
//   A fragment rendered outside a request (app.renderFragment) needs `...i18nFor(locale)` in its data.
// - In routes: `request.i18n.t`, `.fmt`, `.paths`. Redirects need nothing: a `Location` that is a local
//   unprefixed path is prefixed for the request's locale on the way out (plugins/locale.ts).
// - Caches that hold rendered HTML must key on `request.locale` (thread pages, the companies page cache).
import { de } from "./messages/de.js";
import { en, type Messages } from "./messages/en.js";
import { formatterFor, type Formatter } from "./format.js";
import { pathsFor, type Paths } from "../lib/paths.js";
import type { Locale } from "./locales.js";

export { DEFAULT_LOCALE, INTL_LOCALE, LOCALES, LOCALE_COOKIE, isLocale, preferredLocale, type Locale } from "./locales.js";
export type { Messages, Formatter, Paths };

export interface I18n {
  locale: Locale;
  t: Messages;
  fmt: Formatter;
  paths: Paths;
}

const CATALOGUES: Record<Locale, Messages> = { en, de };
// Built once per locale: a request only picks one.
const BY_LOCALE: Record<Locale, I18n> = {
  en: { locale: "en", t: CATALOGUES.en, fmt: formatterFor("en"), paths: pathsFor("en") },
  de: { locale: "de", t: CATALOGUES.de, fmt: formatterFor("de"), paths: pathsFor("de") },
};

/** Everything a page in `locale` needs: its catalogue, formatter and paths. */
export function i18nFor(locale: Locale): I18n {
  return BY_LOCALE[locale];
}

export function messages(locale: Locale): Messages {
  return CATALOGUES[locale];
}
