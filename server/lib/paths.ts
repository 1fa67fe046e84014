// The one place URL shapes are spelled out; routes, views and feeds use these.

export const storyPath = (story: { id: number; slug: string }) => `/stories/${story.id}/${story.slug}`;
export const replyPath = (story: { id: number; slug: string }, replyId: number) => `${storyPath(story)}#reply-${replyId}`;
export const companyPath = (organisation: { slug: string }) => `/companies/${organisation.slug}`;
export const userPath = (user: { username: string }) => `/u/${encodeURIComponent(user.username)}`;
