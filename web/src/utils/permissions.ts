/** Permission names the endpoints require (src/Guanjia.Domain/Accounts/Roles.cs). */
export const Perm = {
  OrganizationsManage: 'organizations.manage',
  UsersRead: 'users.read',
  UsersManage: 'users.manage',
  TokensManage: 'tokens.manage',
  CalendarManage: 'calendar.manage',
  AuditRead: 'audit.read',
  AuditVerify: 'audit.verify',
  AppealsRead: 'appeals.read',
  AppealsCreate: 'appeals.create',
  ProjectsVillage: 'projects.village',
  ProjectsTown: 'projects.town',
  ProjectsOpinion: 'projects.opinion',
  DeadlinesRead: 'deadlines.read',
  RulesManage: 'rules.manage',
  TemplatesManage: 'templates.manage',
  MessagesManage: 'messages.manage',
  AllocationsManage: 'allocations.manage',
  PoliciesManage: 'policies.manage',
  ReferralsHandle: 'referrals.handle',
  StationsRead: 'stations.read',
  StationsManage: 'stations.manage',
  StationsSupervise: 'stations.supervise',
  StationsRecord: 'stations.record',
  StationsDirectory: 'stations.directory',
  /** A third-party evaluator enters the surveys of the projects towns commissioned it for, and sees nothing else (R-MS-18). */
  SurveysEvaluate: 'surveys.evaluate',
  /** 政府购买社区服务 (issue 14): the bureau all, a contractor its own contracts, an evaluator what it evaluates. */
  PurchasingRead: 'purchasing.read',
  PurchasingManage: 'purchasing.manage',
  PurchasingReport: 'purchasing.report',
  PurchasingEvaluate: 'purchasing.evaluate',
  PurchasingAcknowledge: 'purchasing.acknowledge',
  /** The civil-affairs casework (docs/civil-affairs.md): read (masked), sensitive (full ID, health), record, town. */
  CaseworkRead: 'casework.read',
  CaseworkSensitive: 'casework.sensitive',
  CaseworkRecord: 'casework.record',
  /** Village staff answer the problems a visit reported to their village (AnswerProblem). */
  CaseworkVillageAnswer: 'casework.village-answer',
  CaseworkTown: 'casework.town',
} as const

export type PermissionName = (typeof Perm)[keyof typeof Perm]

export type PermRequirement = string | readonly string[] | { all: readonly string[] }

/**
 * Whether the granted permissions satisfy the requirement: one name, any of a list, or all of `{ all }`.
 * A read-only account (deputies) may hold read permissions only, so anything named `*.manage`,
 * `*.create` or `*.verify` is refused to it whatever it holds. Nothing required means allowed.
 */
export function hasPerm(
  granted: readonly string[] | null | undefined,
  required: PermRequirement | null | undefined,
  readOnly = false,
): boolean {
  if (required === null || required === undefined) return true
  const have = new Set(granted ?? [])
  const ok = (p: string) => have.has(p) && !(readOnly && !/\.(read)$/.test(p))
  if (typeof required === 'string') return ok(required)
  if ('all' in required) return required.all.every(ok)
  const list = required as readonly string[]
  return list.length === 0 || list.some(ok)
}

/**
 * An account that only evaluates commissioned surveys (the third-party evaluator, R-MS-18): it holds `surveys.evaluate` and
 * nothing that opens the programme's records, so the console shows it its commissioned projects and nothing else.
 */
export function evaluatorOnly(granted: readonly string[] | null | undefined): boolean {
  const have = granted ?? []
  return have.includes(Perm.SurveysEvaluate) && !have.includes(Perm.AppealsRead)
}
