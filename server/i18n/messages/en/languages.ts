// The language a story or reply is written in: the forms' select and its errors.
export const languages = {
  names: { en: "English", de: "German" },
  guess: "Guess from the text",
  storyLabel: "Language of your story",
  replyLabel: "Language of your reply",
  hint: "Screen readers read the text in it, and search stems its words by it. Left to the guess, it is read from the text.",
  storyError: "Choose the story’s language from the list.",
  replyError: "Choose the reply’s language from the list.",
};
