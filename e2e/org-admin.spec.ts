import {
  axeViolations,
  expect,
  hasHorizontalScroll,
  PASSWORD,
  registerViaUi,
  shot,
  shotDarkAnd360,
  shotViewport,
  test,
  uniqueEmail,
} from './fixtures.js';
import {
  confirmationLink,
  confirmEmailViaApi,
  invitationLink,
  newPerson,
  platformAdminPerson,
  registerViaApi,
  seedOrg,
} from './org-helpers.js';

const ORG = 'Northwind Academy';

test('an admin builds an organization: team, invitations, live bell, assignment, audit log', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const mailReader = await platformAdminPerson(browser, test);
  const grace = await registerViaUi(page, 'Grace Hopper');
  const main = page.getByRole('navigation', { name: 'Main' });
  await expect(main.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  // Not an admin or coach anywhere yet: no Organization link.
  await expect(main.getByRole('link', { name: 'Organization' })).toHaveCount(0);

  // The user menu leads everyone to organizations; this person has none yet.
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Organizations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  await expect(page.getByText('No organizations yet')).toBeVisible();
  await shot(page, 'orgs-empty');

  await page.getByRole('link', { name: 'Create an organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an organization' })).toBeVisible();
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByText('Enter a name for the organization.')).toBeVisible();
  await page.getByLabel('Organization name').fill(ORG);
  await shot(page, 'org-new');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(/\/orgs\/[0-9a-f-]{36}\/teams$/);
  const orgId = /\/orgs\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  await expect(page.getByRole('heading', { level: 1, name: ORG })).toBeVisible();
  // Now an admin: the header links straight to the organization.
  await expect(main.getByRole('link', { name: 'Organization' })).toHaveAttribute('href', `/orgs/${orgId}`);

  // Teams: create one, and a duplicate name is explained at the field.
  await page.getByLabel('New team').fill('Platform engineering');
  await page.getByRole('button', { name: 'Add team' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Team “Platform engineering” created.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Teams' }).getByRole('button', { name: 'Rename Platform engineering' })).toBeVisible();
  await page.getByLabel('New team').fill('platform engineering');
  await page.getByRole('button', { name: 'Add team' }).click();
  await expect(page.getByText(/already exists/)).toBeVisible();
  await page.getByLabel('New team').fill('');
  await shot(page, 'org-teams');

  // Invitations: a coach in the team, and a candidate.
  const sections = page.getByRole('navigation', { name: 'Organization sections' });
  await sections.getByRole('link', { name: 'Invitations' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Invite people' })).toBeVisible();
  const coachEmail = uniqueEmail('coach');
  const candidateEmail = uniqueEmail('candidate');
  // Inviting waits for a confirmed address: the form says so, can send the confirmation mail again,
  // and an invitation sent anyway is refused with nothing listed.
  const confirmFirst = page.getByRole('status').filter({ hasText: 'Confirm your email first' });
  await expect(confirmFirst).toBeVisible();
  await confirmFirst.getByRole('button', { name: 'Send the confirmation mail again' }).click();
  await expect(confirmFirst.getByText('A new confirmation mail is on its way.')).toBeVisible();
  await page.getByLabel('Email').fill(coachEmail);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Confirm your email first' })).toBeVisible();
  await expect(page.getByText('No invitations yet.')).toBeVisible();
  await shot(page, 'org-invite-confirm-first');
  await shotDarkAnd360(page, 'org-invite-confirm-first');
  // Sending the mail again after the refusal turns the red alert back into a notice with the news.
  await page.getByRole('button', { name: 'Send the confirmation mail again' }).click();
  await expect(confirmFirst.getByText('A new confirmation mail is on its way.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Confirm your email first' })).toHaveCount(0);
  await page.goto(await confirmationLink(mailReader.page, grace.email));
  await expect(page.getByText('Email confirmed')).toBeVisible();
  await page.goto(`/orgs/${orgId}/invitations`);
  await expect(page.getByRole('heading', { level: 2, name: 'Invite people' })).toBeVisible();
  await expect(page.getByText('Confirm your email first')).toHaveCount(0);
  await page.getByLabel('Email').fill(coachEmail);
  await page.getByLabel('Role').selectOption('coach');
  await page.getByLabel('Team').selectOption({ label: 'Platform engineering' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${coachEmail}` })).toBeVisible();
  await page.getByLabel('Email').fill(candidateEmail);
  await page.getByLabel('Role').selectOption('candidate');
  // Role and team stay chosen for the next invitation (handy for a batch); this one has no team.
  await expect(page.getByLabel('Team')).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByLabel('Team').selectOption('');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${candidateEmail}` })).toBeVisible();
  const invitationList = page.getByRole('list', { name: 'Invitations' });
  await expect(invitationList.getByRole('listitem')).toHaveCount(2);
  await expect(invitationList.getByText('Pending')).toHaveCount(2);
  await shot(page, 'org-invitations');

  // The platform admin's outbox holds the invitation email; its link is the way in.
  await mailReader.page.goto(`/admin/mails?to=${encodeURIComponent(coachEmail)}`);
  await expect(mailReader.page.getByRole('heading', { level: 1, name: 'Outgoing mail' })).toBeVisible();
  await mailReader.page.getByRole('link', { name: new RegExp(`invited you to ${ORG}`) }).click();
  const mail = mailReader.page.getByRole('article');
  await expect(mail.getByRole('heading', { name: new RegExp(`Grace Hopper invited you to ${ORG}`) })).toBeVisible();
  await expect(mail.getByText(coachEmail)).toBeVisible();
  await mail.getByRole('radio', { name: 'Plain text' }).check();
  const href = await mail.getByRole('link', { name: /\/invitations\/accept\?token=/ }).getAttribute('href');
  const coachLink = new URL(href!).pathname + new URL(href!).search;
  await shot(mailReader.page, 'admin-mails');

  // The bell is connected before the invitee acts, so the notification arrives live.
  await expect(page.locator('[data-live="open"]')).toBeAttached();
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  // The coach has no account: the accept page creates it and signs in.
  const coach = await newPerson(browser);
  await coach.page.goto(coachLink);
  await expect(coach.page.getByRole('heading', { level: 1, name: `Join ${ORG}` })).toBeVisible();
  await expect(coach.page.getByText('Grace Hopper invited you to join as a coach.')).toBeVisible();
  await expect(coach.page.getByText(/^Coach — /)).toBeVisible();
  await expect(coach.page.getByLabel('Email')).toHaveValue(coachEmail);
  await shot(coach.page, 'accept-invitation');
  await coach.page.getByLabel('Name').fill('Alan Kay');
  await coach.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await coach.page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(coach.page.getByRole('heading', { level: 1, name: `Welcome to ${ORG}` })).toBeVisible();
  await shot(coach.page, 'accept-invitation-done');

  // Live, without a reload: the admin's bell counts it and it is announced politely.
  await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: `New notification: Alan Kay joined ${ORG}` })).toBeAttached();
  await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await expect(panel.getByRole('link', { name: new RegExp(`Alan Kay joined ${ORG}`) })).toBeVisible();
  await shotViewport(page, 'bell-open');
  await panel.getByRole('link', { name: new RegExp(`Alan Kay joined ${ORG}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/members$`));
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  // The candidate accepts too.
  const candidateLink = await invitationLink(mailReader.page, candidateEmail);
  const candidate = await newPerson(browser);
  await candidate.page.goto(candidateLink);
  await candidate.page.getByLabel('Name').fill('Ada Byron');
  await candidate.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await candidate.page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(candidate.page.getByText(`You are now a candidate in ${ORG}.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();

  // A used link says so clearly.
  await coach.page.goto(coachLink);
  await expect(coach.page.getByRole('heading', { level: 1, name: 'This invitation no longer works' })).toBeVisible();
  await shot(coach.page, 'accept-invitation-used');

  // Assign the coach to the candidate.
  await sections.getByRole('link', { name: 'Assignments' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Assign a coach' })).toBeVisible();
  await page.getByLabel('Coach', { exact: true }).selectOption({ label: `Alan Kay (${coachEmail})` });
  await page.getByLabel('Candidate', { exact: true }).selectOption({ label: `Ada Byron (${candidateEmail}) · no coach yet` });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Alan Kay now coaches Ada Byron.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Candidates of Alan Kay' }).getByText('Ada Byron', { exact: true })).toBeVisible();
  await shot(page, 'org-assignments');

  // Members: filter, change a team, and the last admin cannot step down.
  await sections.getByRole('link', { name: 'Members' }).click();
  const table = page.getByRole('table', { name: 'Members' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByText('Coached by Alan Kay')).toBeVisible();
  await page.getByLabel('Role', { exact: true }).selectOption('candidate');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Role', { exact: true }).selectOption('');
  await page.getByLabel('Search').fill('alan');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Search').fill('');
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByLabel('Team of Ada Byron').selectOption({ label: 'Platform engineering' });
  await expect(page.getByRole('status').filter({ hasText: 'Ada Byron moved to Platform engineering.' })).toBeVisible();
  await shot(page, 'org-members');
  await page.getByLabel('Role of Grace Hopper').selectOption('coach');
  const dialog = page.getByRole('dialog', { name: 'Make Grace Hopper a coach?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Change role' }).click();
  await expect(dialog.getByRole('alert')).toContainText('An organization needs at least one admin');
  await shot(page, 'org-last-admin');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Role of Grace Hopper')).toHaveValue('admin');

  // The audit log tells the story, readably, and filters by action.
  await sections.getByRole('link', { name: 'Audit log' }).click();
  const entries = page.getByRole('list', { name: 'Audit log entries, newest first' });
  for (const action of [
    'Organization created',
    'Team created',
    'Invitation sent',
    'Invitation accepted',
    'Coach assigned',
    'Team changed',
  ]) {
    await expect(entries.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await page.getByLabel('Action').selectOption({ label: 'Coach assigned' });
  await expect(entries.getByRole('listitem')).toHaveCount(1);
  await expect(entries.getByRole('definition').filter({ hasText: 'Ada Byron' })).toBeVisible();
  await page.getByLabel('Action').selectOption({ label: 'Team changed' });
  await expect(entries.getByText('Platform engineering')).toBeVisible();
  await expect(entries.getByText('none')).toBeVisible();
  await page.getByLabel('Action').selectOption('');
  await shot(page, 'org-audit-log');

  // Settings: rename.
  await sections.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Organization name').fill(`${ORG} (Spring)`);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${ORG} (Spring)` })).toBeVisible();
  await shot(page, 'org-settings');

  // The coach sees their part only: members, invitations (candidates), their assignments.
  await coach.page.goto(`/orgs/${orgId}`);
  const coachSections = coach.page.getByRole('navigation', { name: 'Organization sections' });
  await expect(coachSections.getByRole('link')).toHaveText(['Members', 'Invitations', 'Assignments']);
  await coachSections.getByRole('link', { name: 'Assignments' }).click();
  await expect(coach.page.getByRole('heading', { level: 2, name: 'Your candidates' })).toBeVisible();
  await expect(coach.page.getByText('Ada Byron', { exact: true })).toBeVisible();
  await coachSections.getByRole('link', { name: 'Invitations' }).click();
  await expect(coach.page.getByRole('heading', { level: 2, name: 'Invite a candidate' })).toBeVisible();
  await expect(coach.page.getByLabel('Role')).toHaveCount(0);
  await coach.page.goto(`/orgs/${orgId}/audit`);
  await expect(coach.page.getByText('Only admins can open this section')).toBeVisible();

  // Candidates have nothing to manage and no Organization link.
  await candidate.page.goto('/');
  await expect(candidate.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(candidate.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' })).toHaveCount(0);
  await candidate.page.goto(`/orgs/${orgId}`);
  await expect(candidate.page.getByText('Nothing to manage here')).toBeVisible();

  for (const p of [mailReader, coach, candidate]) p.expectNoProblems();
  await Promise.all([mailReader, coach, candidate].map((p) => p.context.close()));
});

test('an invited person who already has an account signs in and comes back to accept', async ({ page, browser }) => {
  const mailReader = await platformAdminPerson(browser, test);
  const frances = await registerViaApi(page, 'Frances Allen', 'org-admin');
  await confirmEmailViaApi(page, mailReader.page, frances.email);
  await page.goto('/orgs/new');
  await page.getByLabel('Organization name').fill('Existing Accounts Ltd');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Existing Accounts Ltd' })).toBeVisible();

  const invitee = await newPerson(browser);
  const account = await registerViaApi(invitee.page, 'John Backus', 'existing');
  await invitee.page.request.post('/api/v1/auth/logout', {
    headers: { 'x-csrf-token': (await invitee.context.cookies()).find((c) => c.name === 'panelist_csrf')?.value ?? '' },
  });
  await page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Invitations' }).click();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Role').selectOption('coach');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${account.email}` })).toBeVisible();

  const link = await invitationLink(mailReader.page, account.email);
  await invitee.page.goto(link);
  await expect(invitee.page.getByText(/There is already a Panelist account for/)).toBeVisible();
  await shot(invitee.page, 'accept-invitation-sign-in');
  await invitee.page.getByRole('link', { name: 'Log in to accept' }).click();
  await expect(invitee.page.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();
  await invitee.page.getByLabel('Email').fill(account.email);
  await invitee.page.getByLabel('Password', { exact: true }).fill(account.password);
  await invitee.page.getByRole('button', { name: 'Log in' }).click();
  await expect(invitee.page).toHaveURL(/\/invitations\/accept\?token=/);
  await invitee.page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee.page.getByRole('heading', { level: 1, name: 'Welcome to Existing Accounts Ltd' })).toBeVisible();
  await invitee.page.getByRole('link', { name: 'Open Existing Accounts Ltd' }).click();
  await expect(invitee.page.getByRole('heading', { level: 2, name: 'Members' })).toBeVisible();

  // Invite again replaces the pending invitation; revoking one says its link stops working.
  const twice = uniqueEmail('twice');
  await page.getByLabel('Email').fill(twice);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  // By address: until the list refetches, an older row may still offer "Send again".
  await page.getByRole('button', { name: `Send again to ${twice}` }).click();
  await expect(page.getByRole('status').filter({ hasText: /A new invitation is on its way/ })).toBeVisible();
  await page.getByRole('radio', { name: 'Revoked' }).check();
  await expect(page.getByRole('list', { name: 'Invitations' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('radio', { name: 'Pending' }).check();
  await page.getByRole('button', { name: /^Revoke the invitation for / }).click();
  await page.getByRole('dialog', { name: 'Revoke this invitation?' }).getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: /was revoked; its link no longer works/ })).toBeVisible();
  await expect(page.getByText('No pending invitations.')).toBeVisible();

  for (const p of [mailReader, invitee]) p.expectNoProblems();
  await Promise.all([mailReader, invitee].map((p) => p.context.close()));
});

test.describe('organization pages look right and pass axe', () => {
  // axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
  test.use({ bypassCSP: true });

  for (const scheme of ['light', 'dark'] as const) {
    test(`in the ${scheme} theme`, async ({ page, browser }) => {
      test.setTimeout(120_000);
      const mailReader = await platformAdminPerson(browser, test, { colorScheme: scheme, bypassCSP: true });
      await page.emulateMedia({ colorScheme: scheme });
      const org = await seedOrg(page, mailReader.page, browser, `Harbour Bootcamp ${scheme}`);
      const suffix = scheme === 'dark' ? '-dark' : '';
      const pages: Array<[string, string, string]> = [
        ['/orgs', 'Organizations', 'orgs'],
        ['/orgs/new', 'Create an organization', 'org-new'],
        [`/orgs/${org.orgId}/members`, 'Members', 'org-members'],
        [`/orgs/${org.orgId}/teams`, 'Teams', 'org-teams'],
        [`/orgs/${org.orgId}/invitations`, 'Sent invitations', 'org-invitations'],
        [`/orgs/${org.orgId}/assignments`, 'Who coaches whom', 'org-assignments'],
        [`/orgs/${org.orgId}/audit`, 'Audit log', 'org-audit-log'],
        [`/orgs/${org.orgId}/settings`, 'Settings', 'org-settings'],
      ];
      for (const [url, heading, name] of pages) {
        await page.goto(url);
        await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
        await expect(page.locator('[aria-hidden="true"].animate-pulse')).toHaveCount(0);
        expect(await axeViolations(page), name).toEqual([]);
        if (scheme === 'dark') await shot(page, `${name}${suffix}`);
      }

      // Dialogs and the bell panel are checked open.
      await page.goto(`/orgs/${org.orgId}/members`);
      await page.getByLabel(`Role of ${org.coach.name}`).selectOption('admin');
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await axeViolations(page), 'role change dialog').toEqual([]);
      if (scheme === 'dark') await shotViewport(page, `org-role-dialog${suffix}`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: /^Notifications/ }).click();
      await expect(
        page
          .getByRole('region', { name: 'Notifications' })
          .getByText(/joined/)
          .first(),
      ).toBeVisible();
      expect(await axeViolations(page), 'bell open').toEqual([]);
      if (scheme === 'dark') await shotViewport(page, `bell-open${suffix}`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('region', { name: 'Notifications' })).toBeHidden();
      await expect(page.getByRole('button', { name: /^Notifications/ })).toBeFocused();

      await page.goto('/notifications');
      await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
      expect(await axeViolations(page), 'notifications page').toEqual([]);
      if (scheme === 'dark') await shot(page, `notifications${suffix}`);

      // The accept page, for someone without an account.
      const pendingEmail = uniqueEmail('axe');
      await page.goto(`/orgs/${org.orgId}/invitations`);
      await page.getByLabel('Email').fill(pendingEmail);
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${pendingEmail}` })).toBeVisible();
      const link = await invitationLink(mailReader.page, pendingEmail);
      const visitor = await newPerson(browser, { colorScheme: scheme, bypassCSP: true });
      await visitor.page.goto(link);
      await expect(visitor.page.getByRole('heading', { level: 1, name: /^Join / })).toBeVisible();
      expect(await axeViolations(visitor.page), 'accept page').toEqual([]);
      if (scheme === 'dark') await shot(visitor.page, `accept-invitation${suffix}`);
      await visitor.page.goto('/invitations/accept?token=not-a-real-token-000');
      await expect(visitor.page.getByRole('heading', { level: 1, name: 'This invitation no longer works' })).toBeVisible();
      expect(await axeViolations(visitor.page), 'accept page, bad link').toEqual([]);

      // The platform admin's mail page, with a mail open.
      await mailReader.page.goto('/admin/mails');
      await mailReader.page
        .getByRole('link', { name: /invited you to/ })
        .first()
        .click();
      await expect(mailReader.page.getByRole('article')).toBeVisible();
      expect(await axeViolations(mailReader.page), 'mail page').toEqual([]);
      if (scheme === 'dark') await shot(mailReader.page, `admin-mails${suffix}`);

      for (const p of [mailReader, visitor]) p.expectNoProblems();
      await Promise.all([mailReader, visitor].map((p) => p.context.close()));
    });
  }
});

test.describe('at 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('organization pages, accept page and mail page fit without sideways scrolling', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const narrow = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
    const mailReader = await platformAdminPerson(browser, test, narrow);
    const org = await seedOrg(page, mailReader.page, browser, 'Harbour Bootcamp narrow');
    for (const [url, heading, name] of [
      ['/orgs', 'Organizations', 'orgs'],
      [`/orgs/${org.orgId}/members`, 'Members', 'org-members'],
      [`/orgs/${org.orgId}/teams`, 'Teams', 'org-teams'],
      [`/orgs/${org.orgId}/invitations`, 'Sent invitations', 'org-invitations'],
      [`/orgs/${org.orgId}/assignments`, 'Who coaches whom', 'org-assignments'],
      [`/orgs/${org.orgId}/audit`, 'Audit log', 'org-audit-log'],
      ['/notifications', 'Notifications', 'notifications'],
    ] as const) {
      await page.goto(url);
      await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
      await expect(page.locator('[aria-hidden="true"].animate-pulse')).toHaveCount(0);
      expect(await hasHorizontalScroll(page), `${name} scrolls sideways`).toBe(false);
      await shot(page, `${name}-360`);
    }

    // The main menu carries the navigation on phones.
    await page.getByRole('button', { name: 'Main menu' }).click();
    await expect(page.getByRole('menuitem', { name: 'Organization' })).toBeVisible();
    await shotViewport(page, 'main-menu-360');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Notifications/ }).click();
    await expect(page.getByRole('region', { name: 'Notifications' })).toBeVisible();
    expect(await hasHorizontalScroll(page), 'bell panel scrolls sideways').toBe(false);
    await shotViewport(page, 'bell-open-360');
    await page.keyboard.press('Escape');

    const email = uniqueEmail('narrow');
    await page.goto(`/orgs/${org.orgId}/invitations`);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
    const link = await invitationLink(mailReader.page, email);
    const visitor = await newPerson(browser, narrow);
    await visitor.page.goto(link);
    await expect(visitor.page.getByRole('heading', { level: 1, name: /^Join / })).toBeVisible();
    expect(await hasHorizontalScroll(visitor.page), 'accept page scrolls sideways').toBe(false);
    await shot(visitor.page, 'accept-invitation-360');

    const narrowAdmin = mailReader;
    await narrowAdmin.page.goto('/admin/mails');
    await expect(narrowAdmin.page.getByRole('heading', { level: 1, name: 'Outgoing mail' })).toBeVisible();
    expect(await hasHorizontalScroll(narrowAdmin.page), 'mail list scrolls sideways').toBe(false);
    await shot(narrowAdmin.page, 'admin-mails-360');
    await narrowAdmin.page
      .getByRole('link', { name: /invited you to/ })
      .first()
      .click();
    await expect(narrowAdmin.page.getByRole('article')).toBeVisible();
    expect(await hasHorizontalScroll(narrowAdmin.page), 'open mail scrolls sideways').toBe(false);
    await shot(narrowAdmin.page, 'admin-mail-open-360');

    for (const p of [mailReader, visitor]) p.expectNoProblems();
    await Promise.all([mailReader, visitor].map((p) => p.context.close()));
  });
});
