// The mail with a password-reset link.
import type { MailText } from "../compose.js";

export function passwordResetMail(input: { username: string; resetUrl: string; validMinutes: number }): MailText {
  return {
    subject: "Reset your Escalator password",
    paragraphs: [
      `Someone asked to reset the password of the Escalator account “${input.username}”.`,
      { text: "Choose a new password", href: input.resetUrl },
      `The link works once, for ${input.validMinutes} minutes. Setting a new password logs out every other browser. If you did not ask, ignore this mail: your password stays as it is.`,
    ],
  };
}
