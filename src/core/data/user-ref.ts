/**
 * How the lab's own messages name a user: the id between Unicode isolates (FIRST STRONG ISOLATE … POP
 * DIRECTIONAL ISOLATE), which keep a right-to-left id from reordering the sentence and let "Mask user IDs"
 * find the id by identity, whatever it holds (core/report/mask-ids resolves them). A message never
 * embeds a bare id.
 */
export const USER_REF_OPEN = '\u2068';
export const USER_REF_CLOSE = '\u2069';
/** A marked id; the group is the id. */
export const USER_REF = /\u2068([^\u2068\u2069]*)\u2069/g;

export function userRef(userId: string): string {
  return `${USER_REF_OPEN}${userId}${USER_REF_CLOSE}`;
}
