// What a thread shows differently to one member: whether they said "me too"
// and whether they follow it. Read with the thread's head (queries.ts,
// thread_head() in migrations/0023), so a member's thread page costs no round
// trip of its own for it.

export interface ViewerState {
  meToo: boolean;
  following: boolean;
}
