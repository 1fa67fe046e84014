// The mail that confirms a new or changed address. One module per mail, so a
// translation pass finds every sentence of it here.
import type { MailText } from "../compose.js";

export const CONFIRM_VALID_HOURS = 48;

export function confirmEmailMail(input: { username: string; confirmUrl: string }): MailText {
  return {
    subject: "Confirm your e-mail address for Escalator",
    paragraphs: [
      `Someone, hopefully you, gave this address to the Escalator account “${input.username}”.`,
      { text: "Confirm this address", href: input.confirmUrl },
      `The link works for ${CONFIRM_VALID_HOURS} hours. Until you confirm, Escalator sends this address nothing else. If it was not you, ignore this mail.`,
    ],
  };
}
