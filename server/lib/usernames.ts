// Usernames: stored and shown as typed in NFKC (so "ｋａｉ" is "kai"), and
// compared by their key, which also ignores case.

/** A username as typed, in the form it is stored and shown. */
export function usernameAsTyped(username: string): string {
  return username.normalize("NFKC").trim();
}

/** The key two usernames are the same by (users.username_key). */
export function normaliseUsername(username: string): string {
  return usernameAsTyped(username).toLowerCase();
}
