// The one place URL shapes are spelled out; routes, views and feeds use these.

export const storyPath = (story: { id: number; slug: string }) => `/stories/${story.id}/${story.slug}`;
/** A reply's permalink: the thread page that holds it (a long thread has several), scrolled to it. */
export const replyPath = (story: { id: number; slug: string }, replyId: number) => `${storyPath(story)}?reply=${replyId}#reply-${replyId}`;
/** A page of a long thread: the replies after the one with id `after`. */
export const threadPagePath = (story: { id: number; slug: string }, after: number | null) => (after === null ? storyPath(story) : `${storyPath(story)}?after=${after}`);
export const companyPath = (organisation: { slug: string }) => `/companies/${organisation.slug}`;
export const userPath = (user: { username: string }) => `/u/${encodeURIComponent(user.username)}`;

/** A deleted member's name, shown where their kept stories and replies stand; it links nowhere. */
export const DELETED_MEMBER = "[deleted member]";
export const isDeletedMember = (username: string) => username === DELETED_MEMBER;
