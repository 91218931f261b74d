/** Who is calling, as every service sees it: resolved by the auth plugin from a session or a token. */
export interface Actor {
  userId: string;
  platformRole: 'user' | 'superadmin';
}
