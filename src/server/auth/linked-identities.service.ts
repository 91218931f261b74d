import { and, asc, eq, ne } from 'drizzle-orm';
import type { LinkedIdentityList } from '../../contract/auth.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Actor } from './actor.js';
import { users } from './auth.table.js';
import type { RequestMeta } from './auth.service.js';
import { NO_PASSWORD } from './oidc.service.js';
import { userIdentities } from './oidc.table.js';

export type LinkedIdentitiesService = ReturnType<typeof createLinkedIdentitiesService>;

/**
 * The single sign-on identities linked to my account: seeing them and unlinking one. Linking
 * runs through the OpenID Connect flow (oidc.service `start` with the signed-in user).
 */
export function createLinkedIdentitiesService(deps: { db: Database; config: Config; clock: Clock }) {
  const { db, config, clock } = deps;
  const names = new Map(config.oidcProviders.map((p) => [p.id, p.name]));

  return {
    async list(actor: Actor): Promise<LinkedIdentityList> {
      const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
      const rows = await db
        .select()
        .from(userIdentities)
        .where(eq(userIdentities.userId, actor.userId))
        .orderBy(asc(userIdentities.createdAt), asc(userIdentities.id));
      return {
        items: rows.map((r) => ({
          id: r.id,
          provider: r.provider,
          providerName: names.get(r.provider) ?? r.provider,
          usable: names.has(r.provider),
          email: r.email,
          createdAt: r.createdAt.toISOString(),
          lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
        })),
        hasPassword: !!user && user.hash !== NO_PASSWORD,
        providers: config.oidcProviders.map((p) => ({ id: p.id, name: p.name })),
      };
    },

    /**
     * Unlinks one of my identities (someone else's is "not found"). Refused while it is my only
     * way in: no usable password and no other identity of a provider still configured here.
     */
    async unlink(actor: Actor, identityId: string, meta: RequestMeta): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        // The user row is locked so two unlinks at once cannot both see "another one is left".
        const [user] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId)).for('update');
        const [identity] = await tx
          .select()
          .from(userIdentities)
          .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, actor.userId)));
        if (!user || !identity) throw notFound('Linked sign-in');
        const others = await tx
          .select({ provider: userIdentities.provider })
          .from(userIdentities)
          .where(and(eq(userIdentities.userId, actor.userId), ne(userIdentities.id, identityId)));
        const otherWayIn = others.some((o) => names.has(o.provider));
        if (user.hash === NO_PASSWORD && !otherWayIn) {
          throw new AppError(
            'conflict',
            'This is your only way to sign in. Set a password first (Account › Security › Password mails you a link that sets one), or link another provider.',
            { reason: 'last_sign_in_method' },
          );
        }
        await tx.delete(userIdentities).where(eq(userIdentities.id, identity.id));
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'user.identity_unlinked',
          targetType: 'user',
          targetId: actor.userId,
          ip: meta.ip,
          at: now,
          before: { provider: identity.provider },
        });
      });
    },
  };
}
