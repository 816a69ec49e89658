/**
 * The demo site (documented in docs/sandbox.md). Every id is pinned so the docs, tests and
 * the sandbox shell can name pages and people; every timestamp is fixed so two seeded sites
 * are identical.
 */
import { addHours } from 'date-fns';
import { type SiteBuilder } from './site-builder';

const START = new Date('2026-09-01T09:00:00.000Z');
/** The seed's clock: one step per call, an hour apart, from 1 September 2026. */
function seedClock(): () => string {
  let step = 0;
  return () => addHours(START, step++).toISOString();
}

export interface DemoPersona {
  accountId: string;
  displayName: string;
  email: string;
  /** What the person does in the demo. */
  role: string;
  /** Something worth trying while acting as them. */
  tryThis: string;
}

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    accountId: 'u-alice',
    displayName: 'Alice Author',
    email: 'alice@example.com',
    role: 'Technical writer; edits in Engineering and People & Policies',
    tryThis: 'Submit "Release Process" (10020) for approval; try to edit "Code of Conduct" (20030) and be refused',
  },
  {
    accountId: 'u-bob',
    displayName: 'Bob Approver',
    email: 'bob@example.com',
    role: 'Engineering lead; approver for Engineering workflows',
    tryThis: 'Approve or reject a submitted Engineering page from the approval queue',
  },
  {
    accountId: 'u-carol',
    displayName: 'Carol Approver',
    email: 'carol@example.com',
    role: 'HR business partner; approver for People & Policies, sole editor of "Code of Conduct"',
    tryThis: 'Approve "Remote Work Policy" (20011); open the restricted "Legal Hold Policy" (20015)',
  },
  {
    accountId: 'u-dana',
    displayName: 'Dana Legal',
    email: 'dana@example.com',
    role: 'Legal counsel; member of the legal group',
    tryThis: 'Act as a group approver for the legal step of an HR workflow',
  },
  {
    accountId: 'u-eve',
    displayName: 'Eve Legal',
    email: 'eve@example.com',
    role: 'Compliance officer; member of the legal group',
    tryThis: 'Approve the same legal step as Dana and watch the "all approvers" rule',
  },
  {
    accountId: 'u-frank',
    displayName: 'Frank Spaceadmin',
    email: 'frank@example.com',
    role: 'Knowledge manager; space admin of Engineering, People & Policies and Published Handbook',
    tryThis: 'Create workflows, assign them to subtrees, override a page status',
  },
  {
    accountId: 'u-grace',
    displayName: 'Grace Viewer',
    email: 'grace@example.com',
    role: 'Sales representative; can view every space, edit nothing',
    tryThis: 'See status lozenges but no submit button; "Security Incident Postmortem" (10040) does not exist for her',
  },
  {
    accountId: 'u-heidi',
    displayName: 'Heidi Siteadmin',
    email: 'heidi@example.com',
    role: 'IT administrator; confluence-admins (every space permission on the site)',
    tryThis: 'Check permissions of other users; administer any space',
  },
  {
    accountId: 'u-judy',
    displayName: 'Judy Roleadmin',
    email: 'judy@example.com',
    role: 'Publishing editor; space admin of Published Handbook only through its "Admin" space role',
    tryThis: 'Open the Published Handbook settings: the app recognises her as a space admin although no permission names her',
  },
  {
    accountId: 'u-ivan',
    displayName: 'Ivan Contractor',
    email: 'ivan@contractor.example.com',
    role: 'External contractor; edits Engineering only, no access to the other spaces',
    tryThis: 'People & Policies and Published Handbook are invisible to him',
  },
];

export const DEMO_GROUPS = {
  admins: 'g-confluence-admins',
  users: 'g-confluence-users',
  engineering: 'g-engineering',
  hr: 'g-hr-team',
  legal: 'g-legal',
} as const;

export const DEMO_SPACES = { eng: '1001', hr: '1002', pub: '1003' } as const;

/** Site-wide space roles (Confluence's role-based space access). */
export const DEMO_ROLES = { admin: '4001' } as const;

const p = (...paragraphs: string[]): string => paragraphs.map((text) => `<p>${text}</p>`).join('');

export function seedDemoSite(site: SiteBuilder): void {
  const at = seedClock();
  for (const person of DEMO_PERSONAS) {
    site.addUser({ accountId: person.accountId, displayName: person.displayName, email: person.email, timeZone: 'Europe/Berlin' });
  }
  const employees = DEMO_PERSONAS.map((person) => person.accountId).filter((id) => id !== 'u-ivan');
  site.addGroup({ id: DEMO_GROUPS.admins, name: 'confluence-admins', members: ['u-heidi'] });
  site.addGroup({ id: DEMO_GROUPS.users, name: 'confluence-users', members: employees });
  site.addGroup({ id: DEMO_GROUPS.engineering, name: 'engineering', members: ['u-alice', 'u-bob', 'u-ivan'] });
  site.addGroup({ id: DEMO_GROUPS.hr, name: 'hr-team', members: ['u-alice', 'u-carol'] });
  site.addGroup({ id: DEMO_GROUPS.legal, name: 'legal', members: ['u-dana', 'u-eve'] });
  site.addSpaceRole({ id: DEMO_ROLES.admin, name: 'Admin', description: 'Manage the space and its content', type: 'SYSTEM', grants: 'admin' });

  const group = (id: string) => ({ type: 'group' as const, id });
  const user = (id: string) => ({ type: 'user' as const, id });

  seedEngineering(site, at, group, user);
  seedPeopleAndPolicies(site, at, group, user);
  seedPublishedHandbook(site, at, group, user);
  seedBlogs(site, at);
}

type PrincipalOf = (id: string) => { type: 'user' | 'group'; id: string };

function seedEngineering(site: SiteBuilder, at: () => string, group: PrincipalOf, user: PrincipalOf): void {
  const space = DEMO_SPACES.eng;
  site.addSpace({
    id: space,
    key: 'ENG',
    name: 'Engineering',
    description: 'How we design, build, release and run our software.',
    authorId: 'u-frank',
    createdAt: at(),
    homepage: { id: '10001', title: 'Engineering Home', body: p('Start here: architecture, release process, onboarding and runbooks.') },
  });
  site.grantSpacePermission(space, group(DEMO_GROUPS.users), 'view');
  site.grantSpacePermission(space, group(DEMO_GROUPS.engineering), 'edit');
  site.grantSpacePermission(space, user('u-frank'), 'admin');
  site.grantSpacePermission(space, group(DEMO_GROUPS.admins), 'admin');

  const page = (id: string, parentId: string, title: string, authorId: string, body: string) =>
    site.addPage({ id, spaceId: space, parentId, title, authorId, body, createdAt: at() });
  const folder = (id: string, parentId: string, title: string) =>
    site.addFolder({ id, spaceId: space, parentId, title, authorId: 'u-frank', createdAt: at() });

  folder('10010', '10001', 'Architecture');
  page('10011', '10010', 'Architecture Decision Records', 'u-bob', p('Every significant technical decision, with its context and consequences.'));
  page('10012', '10011', 'ADR-001: Build approvals as a Forge app', 'u-bob', p('Status: accepted.', 'We run entirely on Atlassian infrastructure: no remote back end.'));
  site.addPageVersion('10012', { authorId: 'u-alice', message: 'Clarify data residency', createdAt: at(), body: p('Status: accepted.', 'We run entirely on Atlassian infrastructure: no remote back end, no egress.') });
  page('10013', '10011', 'ADR-002: Event-driven notifications', 'u-bob', p('Status: proposed.', 'Notifications go through a queue so resolvers stay fast.'));
  page('10014', '10013', 'ADR-002 Appendix: Queue sizing', 'u-alice', p('Peak load: 50 submissions per minute; consumers retry up to 4 times.'));

  page('10020', '10001', 'Release Process', 'u-alice', p('Releases ship every second Tuesday.'));
  site.addPageVersion('10020', { authorId: 'u-bob', message: 'Add freeze window', createdAt: at(), body: p('Releases ship every second Tuesday.', 'Code freeze starts the Thursday before.') });
  site.addPageVersion('10020', { authorId: 'u-alice', message: 'Name the release manager', createdAt: at(), body: p('Releases ship every second Tuesday.', 'Code freeze starts the Thursday before.', 'The release manager rotates weekly.') });
  site.addPageVersion('10020', { authorId: 'u-alice', message: 'Link the checklist', createdAt: at(), body: p('Releases ship every second Tuesday.', 'Code freeze starts the Thursday before.', 'The release manager rotates weekly and follows the Release Checklist.') });
  page('10021', '10020', 'Release Checklist', 'u-alice', '<ul><li>Changelog reviewed</li><li>Migrations rehearsed</li></ul>');
  site.addPageVersion('10021', { authorId: 'u-bob', createdAt: at(), body: '<ul><li>Changelog reviewed</li><li>Migrations rehearsed</li><li>Rollback plan signed off</li></ul>' });
  site.addPageVersion('10021', { authorId: 'u-alice', message: 'Add smoke tests', createdAt: at(), body: '<ul><li>Changelog reviewed</li><li>Migrations rehearsed</li><li>Rollback plan signed off</li><li>Smoke tests green</li></ul>' });
  page('10022', '10020', 'Hotfix Procedure', 'u-bob', p('Hotfixes branch from the last release tag and need one approver.'));

  page('10030', '10001', 'Onboarding Guide', 'u-alice', p('Your first week in Engineering, day by day.'));
  page('10031', '10030', 'Development Environment Setup', 'u-ivan', p('Install Node 20, clone the monorepo, run <code>npm ci</code>.'));

  page('10040', '10001', 'Security Incident Postmortem 2026-09', 'u-bob', p('Timeline, impact and root cause of the September token leak.'));
  page('10041', '10040', 'Remediation Plan', 'u-bob', p('Rotate all tokens; add secret scanning to CI.'));
  site.setRestriction('10040', 'read', { users: ['u-frank'], groups: [DEMO_GROUPS.engineering] });

  folder('10050', '10001', 'Runbooks');
  page('10051', '10050', 'On-call Handbook', 'u-bob', p('Who is on call, how to hand over, what to do first.'));
  page('10052', '10051', 'Paging Escalation Matrix', 'u-bob', p('Sev 1: page the incident commander within 5 minutes.'));

  site.addPage({ id: '10060', spaceId: space, parentId: '10001', title: 'Q4 Roadmap', authorId: 'u-alice', status: 'draft', createdAt: at(), body: p('Draft: themes for Q4.') });

  site.addLabel('10012', 'adr');
  site.addLabel('10012', 'architecture');
  site.addLabel('10013', 'adr');
  site.addLabel('10020', 'process');
}

function seedPeopleAndPolicies(site: SiteBuilder, at: () => string, group: PrincipalOf, user: PrincipalOf): void {
  const space = DEMO_SPACES.hr;
  site.addSpace({
    id: space,
    key: 'HR',
    name: 'People & Policies',
    description: 'Company policies, benefits and how we work together.',
    authorId: 'u-carol',
    createdAt: at(),
    homepage: { id: '20001', title: 'People & Policies Home', body: p('Policies, benefits and our code of conduct.') },
  });
  site.grantSpacePermission(space, group(DEMO_GROUPS.users), 'view');
  site.grantSpacePermission(space, group(DEMO_GROUPS.hr), 'edit');
  site.grantSpacePermission(space, group(DEMO_GROUPS.legal), 'edit');
  site.grantSpacePermission(space, user('u-frank'), 'admin');
  site.grantSpacePermission(space, group(DEMO_GROUPS.admins), 'admin');

  const page = (id: string, parentId: string, title: string, authorId: string, body: string) =>
    site.addPage({ id, spaceId: space, parentId, title, authorId, body, createdAt: at() });

  site.addFolder({ id: '20010', spaceId: space, parentId: '20001', title: 'Policies', authorId: 'u-carol', createdAt: at() });
  page('20011', '20010', 'Remote Work Policy', 'u-carol', p('Everyone may work remotely up to three days a week.'));
  site.addPageVersion('20011', { authorId: 'u-alice', message: 'Add core hours', createdAt: at(), body: p('Everyone may work remotely up to three days a week.', 'Core hours are 10:00 to 15:00 local time.') });
  site.addPageVersion('20011', { authorId: 'u-alice', message: 'Equipment allowance link', createdAt: at(), body: p('Everyone may work remotely up to three days a week.', 'Core hours are 10:00 to 15:00 local time.', 'See the Home Office Equipment Allowance.') });
  page('20012', '20011', 'Home Office Equipment Allowance', 'u-carol', p('Each employee receives 600 EUR every two years for home office equipment.'));
  page('20013', '20012', 'Equipment Request Form Guide', 'u-alice', p('Fill in the form, attach the receipt, and your manager approves it.'));
  page('20014', '20010', 'Travel & Expense Policy', 'u-carol', p('Book economy class; submit expenses within 30 days.'));
  page('20015', '20010', 'Legal Hold Policy', 'u-dana', p('When litigation is anticipated, relevant records must be preserved.'));
  // Restrictions keep apps out too, so HR added ApprovalFlow to them as its admin guide asks;
  // Engineering's postmortem (10040) shows what happens when nobody did.
  site.setRestriction('20015', 'read', { users: ['u-carol', site.appAccountId], groups: [DEMO_GROUPS.legal] });
  site.setRestriction('20015', 'update', { users: [site.appAccountId], groups: [DEMO_GROUPS.legal] });

  page('20020', '20001', 'Benefits Overview', 'u-carol', p('Health insurance, pension plan and learning budget.'));
  page('20021', '20020', 'Parental Leave', 'u-carol', p('Sixteen weeks fully paid for every parent.'));
  page('20030', '20001', 'Code of Conduct', 'u-carol', p('Be respectful, be inclusive, speak up.'));
  site.setRestriction('20030', 'update', { users: ['u-carol', site.appAccountId] });

  site.addLabel('20011', 'policy');
  site.addLabel('20011', 'hr');
  site.addLabel('20014', 'policy');
}

function seedPublishedHandbook(site: SiteBuilder, at: () => string, group: PrincipalOf, user: PrincipalOf): void {
  const space = DEMO_SPACES.pub;
  site.addSpace({
    id: space,
    key: 'PUB',
    name: 'Published Handbook',
    description: 'Approved, read-only copies of policies and processes.',
    authorId: 'u-frank',
    createdAt: at(),
    homepage: { id: '30001', title: 'Published Handbook Home', body: p('Only approved content is published here.') },
  });
  site.grantSpacePermission(space, group(DEMO_GROUPS.users), 'view');
  site.grantSpacePermission(space, user('u-frank'), 'admin');
  site.grantSpacePermission(space, group(DEMO_GROUPS.admins), 'admin');
  // Judy administers the space only through a role: no permission names her or her groups.
  site.assignSpaceRole(space, DEMO_ROLES.admin, user('u-judy'));
  site.addPage({ id: '30010', spaceId: space, parentId: '30001', title: 'Engineering Handbook', authorId: 'u-frank', createdAt: at(), body: p('Approved engineering processes.') });
  site.addPage({ id: '30020', spaceId: space, parentId: '30001', title: 'People Handbook', authorId: 'u-frank', createdAt: at(), body: p('Approved people policies.') });
  site.addFolder({ id: '30030', spaceId: space, parentId: '30001', title: 'Archive', authorId: 'u-frank', createdAt: at() });
}

/**
 * Blog posts of Engineering and People & Policies, each with a few versions, and a live doc.
 * Seeded last so the seed clock gives every earlier item the timestamp it always had.
 */
function seedBlogs(site: SiteBuilder, at: () => string): void {
  const post = (id: string, spaceId: string, title: string, authorId: string, body: string) =>
    site.addBlogPost({ id, spaceId, title, authorId, body, createdAt: at() });
  const version = (id: string, authorId: string, message: string, body: string) =>
    site.addPageVersion(id, { authorId, message, createdAt: at(), body });

  post('10070', DEMO_SPACES.eng, 'Release 4.2 is out', 'u-alice', p('Release 4.2 shipped on Tuesday.'));
  version('10070', 'u-alice', 'Highlights', p('Release 4.2 shipped on Tuesday.', 'Highlights: faster search and dark mode.'));
  version('10070', 'u-bob', 'Thank the team', p('Release 4.2 shipped on Tuesday.', 'Highlights: faster search and dark mode.', 'Thanks to everyone who tested it.'));
  post('10071', DEMO_SPACES.eng, 'Q3 engineering retrospective', 'u-bob', p('What went well in Q3, and what we change for Q4.'));
  version('10071', 'u-alice', 'Add action items', p('What went well in Q3, and what we change for Q4.', 'Action items: fewer meetings, more pairing.'));
  site.addPage({ id: '10080', spaceId: DEMO_SPACES.eng, parentId: '10031', subtype: 'live', title: 'Setup Troubleshooting Notes', authorId: 'u-alice', createdAt: at(), body: p('Live notes: what went wrong during setup, and the fix.') });

  post('20040', DEMO_SPACES.hr, 'Welcome to our new benefits partner', 'u-carol', p('From October our health insurance is with a new partner.'));
  version('20040', 'u-carol', 'Add enrolment date', p('From October our health insurance is with a new partner.', 'Enrol before 15 September.'));
  version('20040', 'u-alice', 'Link the benefits overview', p('From October our health insurance is with a new partner.', 'Enrol before 15 September.', 'See the Benefits Overview for details.'));
  post('20041', DEMO_SPACES.hr, 'Office closure over the holidays', 'u-carol', p('The offices close from 24 December to 1 January.'));
  version('20041', 'u-carol', 'Emergency contacts', p('The offices close from 24 December to 1 January.', 'Emergency contacts are on the intranet.'));
}
