// Deleting an account (the form is on /settings); the page after it.
export const yourData = {
  deleted: {
    title: "Account deleted",
    heading: "Your account is deleted",
    notice: "Your sessions, e-mail address, follows, notifications and mail are gone. Thank you for the stories you told here.",
  },
  wrongPassword: "That is not your password",
  /** A refusal of the deletion form, the field's own message without its full stop. */
  nothingDeleted: (problem: string) => `${problem}, so nothing was deleted.`,
};
