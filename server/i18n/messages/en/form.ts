// What every form says around its fields (views/partials/_field.eta and the error summaries).
export const form = {
  optional: "(optional)",
  /** The summary above a form that came back with errors; the count already formatted. */
  checkFields: (count: number, formatted: string) => (count === 1 ? "Please check the field marked below; everything you typed is kept." : `Please check the ${formatted} fields marked below; everything you typed is kept.`),
  checkMarked: "Please check the fields marked below; everything you typed is kept.",
  preview: "Preview",
  cancel: "Cancel",
  saveChanges: "Save changes",
  /** Quotation marks around a title that is a link. */
  quoteOpen: "“",
  quoteClose: "”",
  keepIt: "Keep it",
  markdownHint: "Markdown works: **bold**, [links](https://example.com), > quotes.",
  personalData: {
    warning: (found: string) => `This looks like personal data: ${found}. Everything here is public. Remove it, or confirm it is meant to be public (a company's published press address, say).`,
    confirm: "I have checked: publish it with this included",
  },
  /** What the schema's refusals say next to a field (lib/form-input.ts); the limit already formatted. */
  refused: {
    tooLong: (max: string) => `This is too long: keep it to ${max} characters.`,
    empty: "Fill this in.",
    unreadable: "This value could not be read. Please check it and send the form again.",
    form: "The form could not be read. Please send it again.",
  },
  follow: {
    unfollow: "Unfollow",
    story: { follow: "Follow this story", following: "You follow this story." },
    company: { follow: "Follow this company", following: "You follow this company." },
  },
};
