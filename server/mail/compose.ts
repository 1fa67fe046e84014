// Every mail's common frame: a greeting-free body, then a footer with the
// settings link and, for mail the member chose, the one-click unsubscribe
// link, which also goes into List-Unsubscribe (RFC 8058). Plain text and HTML
// carry the same words; the HTML has no images, no remote styles, no tracking.
import type { Locale } from "../i18n/index.js";
import { escapeHtml } from "./html.js";

export interface MailText {
  subject: string;
  /** Paragraphs; a paragraph may hold a link as { text, href }. */
  paragraphs: (string | { text: string; href: string })[];
}

export interface ComposedMail {
  /** The member's language: the mail's Content-Language and <html lang>. */
  lang: Locale;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface Footer {
  lang: Locale;
  /** "Your mail settings", in the member's language. */
  settingsLabel: string;
  settingsUrl: string;
  /** Present for mail the member subscribed to; absent for account mail (reset, confirmation). */
  unsubscribe?: { url: string; label: string };
}

export function compose(mail: MailText, footer: Footer): ComposedMail {
  const text: string[] = [];
  const html: string[] = [];
  for (const p of mail.paragraphs) {
    if (typeof p === "string") {
      text.push(p);
      html.push(`<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`);
    } else {
      text.push(`${p.text}\n${p.href}`);
      html.push(`<p><a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a></p>`);
    }
  }
  const footerText = [`${footer.settingsLabel}: ${footer.settingsUrl}`];
  const footerHtml = [`<a href="${escapeHtml(footer.settingsUrl)}">${escapeHtml(footer.settingsLabel)}</a>`];
  const headers: Record<string, string> = { "Content-Language": footer.lang };
  if (footer.unsubscribe) {
    footerText.push(`${footer.unsubscribe.label}: ${footer.unsubscribe.url}`);
    footerHtml.push(`<a href="${escapeHtml(footer.unsubscribe.url)}">${escapeHtml(footer.unsubscribe.label)}</a>`);
    headers["List-Unsubscribe"] = `<${footer.unsubscribe.url}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    lang: footer.lang,
    subject: mail.subject,
    text: `${text.join("\n\n")}\n\n-- \n${footerText.join("\n")}\n`,
    html:
      `<!doctype html><html lang="${footer.lang}"><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head>` +
      `<body style="font-family:sans-serif;line-height:1.5;max-width:40em">${html.join("\n")}` +
      `<hr><p style="font-size:small">${footerHtml.join(" · ")}</p></body></html>`,
    headers,
  };
}
