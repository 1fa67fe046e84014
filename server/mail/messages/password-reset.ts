// The mail with a password-reset link, in the member's language (`mail.reset`).
import type { Messages } from "../../i18n/index.js";
import type { MailText } from "../compose.js";

export function passwordResetMail(m: Messages["mail"], input: { username: string; resetUrl: string; validMinutes: number }): MailText {
  return {
    subject: m.reset.subject,
    paragraphs: [m.reset.intro(input.username), { text: m.reset.link, href: input.resetUrl }, m.reset.validity(input.validMinutes)],
  };
}
