import type { Messages } from './zh-CN'
import lifecycleEn from './lifecycle.en-US'
import servicesEn from './services.en-US'
import claimsEn from './claims.en-US'
import photosEn from './photos.en-US'
import stationsEn from './stations.en-US'
import platformEn from './platform.en-US'
import purchasingEn from './purchasing.en-US'
import caseworkEn from './casework.en-US'
import ventureEn from './venture.en-US'
import caStationEn from './caStation.en-US'

const enUS: Messages = {
  app: { name: 'Guanjia', full: 'Livelihood Programme Information System', console: 'Console', portal: 'Public services' },
  common: {
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', save: 'Save', cancel: 'Cancel', close: 'Close',
    confirm: 'OK', refresh: 'Refresh', detail: 'Details', actions: 'Actions', yes: 'Yes', no: 'No', none: 'None',
    loading: 'Loading…', reason: 'Reason', reasonHint: 'Recorded in the audit trail', all: 'All', status: 'Status',
    active: 'Active', inactive: 'Inactive', copy: 'Copy', copied: 'Copied', saved: 'Saved', total: '{n} in total',
    comingSoon: 'Coming soon', required: 'Required', back: 'Back', language: 'Language',
  },
  lang: { 'zh-CN': '简体中文', 'en-US': 'English', switchTo: '中文' },
  menu: {
    home: 'My work', admin: 'Administration', organizations: 'Organisations', users: 'Users', tokens: 'API tokens',
    calendar: 'Working calendar', audit: 'Audit trail', portal: 'Public portal', apiDocs: 'API reference',
    toggle: 'Show or hide the menu',
  },
  user: { signOut: 'Sign out', scope: 'Data scope', role: 'Role', organization: 'Organisation', wholeCity: 'Whole city', readOnly: 'Read-only account' },
  signIn: {
    title: 'Staff sign-in', userName: 'User name', password: 'Password', submit: 'Sign in', signingIn: 'Signing in…',
    portalLink: 'I am a resident: public services', expired: 'Your session has ended; please sign in again',
  },
  home: {
    greeting: 'Hello, {name}', today: 'Today', workingDay: 'working day', restDay: 'day off',
    deadlinesTitle: 'My tasks and deadlines',
    scopeTitle: 'My data scope', permissionsTitle: 'My permissions', noPermissions: 'No management permissions',
    shortcuts: 'Shortcuts',
  },
  org: {
    title: 'Organisations', searchPlaceholder: 'Filter by name or code', towns: 'Towns', villages: 'Villages',
    summary: '{towns} towns and streets, {villages} villages and communities', summaryVillages: '{villages} villages and communities', pickHint: 'Pick an organisation on the left to see it',
    notOnTree: 'Your organisation is not on the administrative tree; here it is.', path: 'Within',
    code: 'Code', name: 'Name', nameEn: 'English name', kind: 'Kind', parent: 'Parent', economicClass: 'Economic class',
    pilot: 'Pilot', function: 'Function', isLead: 'Lead department', address: 'Address', phone: 'Phone', active: 'Status',
    departments: 'Departments and bodies', editTitle: 'Edit {name}', createTitle: 'New organisation under {name}',
    addChild: 'Add child', economicClassHint: '1 strongest to 4 weakest (sets the matching-fund share)',
  },
  kind: {
    City: 'City', Town: 'Town', Street: 'Street', Park: 'Park', Village: 'Village', Community: 'Community',
    CityDepartment: 'City department', TownDepartment: 'Town department', Contractor: 'Contractor',
    SocialWorkPoint: 'Social-work point', Evaluator: 'Evaluator',
  },
  fn: {
    CivilAffairs: 'Civil affairs', Finance: 'Finance', AgricultureForestryWater: 'Agriculture, forestry, water',
    Housing: 'Housing', NaturalResources: 'Natural resources', ServiceData: 'Government service data',
    Organization: 'Organisation', Publicity: 'Publicity', Education: 'Education', HumanResources: 'Human resources',
    Health: 'Health', Disability: 'Disability', Charity: 'Charity', Audit: 'Audit', Other: 'Other',
  },
  users: {
    title: 'Users', q: 'User name or display name', role: 'Role', organization: 'Organisation', userName: 'User name',
    displayName: 'Display name', phone: 'Phone', lastSignIn: 'Last sign-in', locked: 'Locked', create: 'New user',
    editTitle: 'Edit {name}', password: 'Initial password', newPassword: 'New password', resetPassword: 'Reset password',
    resetTitle: 'Reset the password of {name}', unlock: 'Unlock', unlockPrompt: 'Why unlock this account?',
    passwordHint: 'At least 8 characters with letters and digits',
    phoneKeep: 'Current number (masked): {phone}. Only the masked number is shown for privacy; leaving this empty clears the phone, so enter the full number again.',
    orgSearch: 'Type to search organisations', roleFirst: 'Choose a role first', activeLabel: 'Account',
    created: 'User {name} created', passwordReset: 'Password reset; the user must sign in again', unlocked: 'Unlocked',
  },
  tokens: {
    title: 'API tokens', intro: 'For integrations such as the 12345 hotline. A token is shown once, when it is issued; only its hash is stored.',
    name: 'Name', prefix: 'Prefix', organization: 'Organisation', permissions: 'Permissions', createdAt: 'Issued',
    expiresAt: 'Expires', lastUsedAt: 'Last used', revokedAt: 'Revoked', revoke: 'Revoke', revoked: 'Revoked',
    expired: 'Expired', valid: 'Valid', create: 'New token', never: 'Never', secretTitle: 'Token issued',
    revokePrompt: 'Why revoke this token?', secretWarning: 'Copy it now and keep it safe: it cannot be shown again after you close this window.',
    permAppealsCreate: 'File appeals', permAppealsRead: 'Read appeals',
  },
  calendar: {
    title: 'Working calendar', year: 'Year', notice: 'Source', noNotice: 'The official holiday arrangement for this year is not loaded; working days count Monday to Friday only.',
    holiday: 'Off', makeup: 'Work', legendHoliday: 'Public holiday', legendMakeup: 'Make-up working day', legendWeekend: 'Weekend',
    weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun', month: 'Month {m}', editTitle: 'Set {date}', kind: 'Kind',
    kindHoliday: 'Holiday (day off)', kindMakeup: 'Make-up working day', kindNormal: 'Ordinary (Monday to Friday rule)',
    dayName: 'Name', dayNameHint: 'e.g. National Day', dayDetail: '{date}: {what}', isWorking: 'working day', isRest: 'day off',
  },
  audit: {
    field: 'Field', masked: '(hidden)', noChange: 'No field changed',
    title: 'Audit trail', seq: 'No.', at: 'Time', actor: 'Actor', action: 'Action', entity: 'Record', reason: 'Reason',
    before: 'Before', after: 'After', hash: 'Hash', entityType: 'Record type', from: 'From', to: 'To',
    verify: 'Verify chain', verifying: 'Verifying…', intact: 'Chain intact', broken: 'Chain broken',
  },
  portal: {
    title: 'Guanjia', subtitle: 'Small things near you, done together', submit: 'Raise a need', track: 'Track progress',
    publicity: 'Notices', stations: 'Stations', home: 'Home', staff: 'Staff sign-in',
    submitDesc: 'Tell us about a small need near you: street lights, age-friendly fittings, community services…',
    trackDesc: 'Track a request with its number and your phone.', publicityDesc: 'Approved micro-projects, spending and evaluations.',
    stationsDesc: 'Find a Guanjia station or social-work point nearby.', soonDesc: 'This is being built. Meanwhile, call the 12345 hotline.',
    hotline: '12345 government service hotline',
  },
  notFound: { title: 'Page not found', back: 'Back to the start' },
  forbidden: 'You may not open this page',
  ...lifecycleEn,
  ...servicesEn,
  ...claimsEn,
  ...photosEn,
  ...stationsEn,
  ...platformEn,
  ...purchasingEn,
  ...caseworkEn,
  ...ventureEn,
  ...caStationEn,
}

export default enUS
