/** Who is calling, as every service sees it: resolved by the auth plugin from a session or a token. */
export interface Actor {
  userId: string;
  platformRole: 'user' | 'superadmin';
  /** A coach or admin of an org requiring two-factor who has not enrolled: account pages only. */
  mustEnrolTwoFactor?: boolean;
}
