// A member's public page, /u/:username.
export const users = {
  memberSince: "Member since",
  newestFirst: "newest first",
  stories: "Stories",
  noStories: "No stories.",
  noStoriesHere: "No stories on this page.",
  storiesPages: "Stories pages",
  olderStories: "Older stories",
  replies: "Replies",
  noReplies: "No replies.",
  noRepliesHere: "No replies on this page.",
  repliesPages: "Replies pages",
  olderReplies: "Older replies",
  replyOn: (title: string) => `Reply on ${title}`,
  on: "On",
  edited: "edited",
};
