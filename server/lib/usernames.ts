// Usernames are compared after NFKC normalisation and ignoring case.
export function normaliseUsername(username: string): string {
  return username.normalize("NFKC").toLowerCase();
}
