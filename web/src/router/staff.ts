import type { RouteRecordRaw } from 'vue-router'
import { Calendar, Collection, Guide, Present, Reading, School, ChatLineSquare, DataAnalysis, Document, EditPen, Files, House, Key, List, Notebook, OfficeBuilding, Operation, User } from '@element-plus/icons-vue'
import { Perm } from '@/utils/permissions'
import { Wallet, UserFilled, Van, TrendCharts, Warning, Search as SearchIcon } from '@element-plus/icons-vue'

/** The staff console: signed in; each page names the permission it needs (the API enforces it too). */
export const staffRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/Home/MyWorkView.vue'),
    meta: { title: 'menu.home', menu: { icon: House, order: 1 } },
  },
  {
    path: 'appeals',
    name: 'appeals',
    component: () => import('@/views/Appeals/AppealListView.vue'),
    meta: { title: 'lifecycleMenu.appeals', perm: Perm.AppealsRead, menu: { icon: Document, order: 2 } },
  },
  {
    path: 'appeals/:id',
    name: 'appeal',
    component: () => import('@/views/Appeals/AppealDetailView.vue'),
    meta: { title: 'lifecycleMenu.appeals', perm: Perm.AppealsRead, activeMenu: 'appeals' },
  },
  {
    path: 'projects',
    name: 'projects',
    component: () => import('@/views/MicroProjects/ProjectListView.vue'),
    meta: { title: 'lifecycleMenu.projects', perm: Perm.AppealsRead, menu: { icon: Files, order: 3 } },
  },
  {
    path: 'projects/:id',
    name: 'project',
    component: () => import('@/views/MicroProjects/ProjectDetailView.vue'),
    meta: { title: 'lifecycleMenu.projects', perm: Perm.AppealsRead, activeMenu: 'projects' },
  },
  {
    // The third-party evaluator's page (R-MS-18): the projects towns commissioned it for, and nothing else.
    path: 'evaluations',
    name: 'evaluations',
    component: () => import('@/views/Evaluations/EvaluationsView.vue'),
    meta: { title: 'evaluation.menu', perm: Perm.SurveysEvaluate, menu: { icon: EditPen, order: 3.5 } },
  },
  {
    // 政府购买社区服务 (issue 14): the bureau's packages, tenders and contracts; a contractor its own contracts.
    path: 'purchasing',
    name: 'purchasing',
    component: () => import('@/views/Purchasing/PurchasingView.vue'),
    meta: { title: 'purchasing.menu', perm: [Perm.PurchasingManage, Perm.PurchasingReport], menu: { icon: Collection, order: 3.6 } },
  },
  {
    path: 'purchasing/contracts/:id',
    name: 'purchasing-contract',
    component: () => import('@/views/Purchasing/ContractDetailView.vue'),
    meta: { title: 'purchasing.menu', perm: Perm.PurchasingRead, activeMenu: 'purchasing' },
  },
  {
    // 孵化社区社会组织与微公益创投 (issue 14 §5, R-CA-10, R-PS-02): the bureau runs the streets' rounds; a street reads its own.
    path: 'purchasing/venture',
    name: 'venture',
    component: () => import('@/views/Purchasing/VentureView.vue'),
    meta: { title: 'venture.menu', perm: [Perm.PurchasingManage, Perm.PurchasingAcknowledge], menu: { icon: Collection, order: 3.65 } },
  },
  {
    path: 'purchasing/venture/rounds/:id',
    name: 'venture-round',
    component: () => import('@/views/Purchasing/VentureRoundView.vue'),
    meta: { title: 'venture.menu', perm: [Perm.PurchasingManage, Perm.PurchasingAcknowledge], activeMenu: 'venture' },
  },
  {
    // The third-party evaluator of purchased services (R-PS-06): the contracts it was commissioned for.
    path: 'purchase-evaluations',
    name: 'purchase-evaluations',
    component: () => import('@/views/Purchasing/PurchaseEvaluationsView.vue'),
    meta: { title: 'purchasing.evaluationsMenu', perm: Perm.PurchasingEvaluate, menu: { icon: EditPen, order: 3.7 } },
  },
  {
    path: 'annual-plan',
    name: 'annual-plan',
    component: () => import('@/views/AnnualPlans/AnnualPlanView.vue'),
    meta: { title: 'lifecycleMenu.annualPlan', perm: [Perm.ProjectsTown, Perm.AllocationsManage], menu: { icon: Notebook, order: 4 } },
  },
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/views/Reports/DashboardView.vue'),
    meta: { title: 'lifecycleMenu.dashboard', perm: Perm.AppealsRead, menu: { icon: DataAnalysis, order: 5 } },
  },
  {
    path: 'wishes',
    name: 'wishes',
    component: () => import('@/views/Wishes/WishListView.vue'),
    meta: { title: 'svcMenu.wishes', perm: Perm.AppealsRead, menu: { icon: Present, order: 6 } },
  },
  {
    path: 'wishes/:id',
    name: 'wish',
    component: () => import('@/views/Wishes/WishDetailView.vue'),
    meta: { title: 'svcMenu.wishes', perm: Perm.AppealsRead, activeMenu: 'wishes' },
  },
  {
    path: 'policies',
    name: 'policies',
    component: () => import('@/views/Policies/PolicyCatalogueView.vue'),
    meta: { title: 'svcMenu.policies', menu: { icon: Reading, order: 7 } },
  },
  {
    path: 'policy-referrals',
    name: 'policy-referrals',
    component: () => import('@/views/Policies/PolicyReferralsView.vue'),
    meta: { title: 'svcMenu.referrals', perm: Perm.AppealsRead, menu: { icon: Guide, order: 8 } },
  },
  {
    path: 'stations',
    name: 'stations',
    component: () => import('@/views/Stations/StationsView.vue'),
    meta: { title: 'svcMenu.stations', perm: Perm.StationsRead, menu: { icon: School, order: 9 } },
  },
  {
    path: 'social-work-points',
    name: 'social-work-points',
    component: () => import('@/views/Stations/SocialWorkPointsView.vue'),
    meta: { title: 'svcMenu.points', menu: { icon: Collection, order: 9.5 } },
  },
  // 民政服务站个案工作 (issue 13): the files and their bulk import, the reported problems, the phone's visit list (offline,
  // ADR 0025), the villages' screenings, the towns'
  // quarterly evaluations, the month's figures.
  {
    path: 'casework',
    name: 'casework',
    component: () => import('@/views/Casework/CaseFileListView.vue'),
    meta: { title: 'caseMenu.people', perm: Perm.CaseworkRead, menu: { icon: UserFilled, order: 9.6 } },
  },
  {
    path: 'casework/files/:id',
    name: 'casework-file',
    component: () => import('@/views/Casework/CaseFileDetailView.vue'),
    meta: { title: 'caseMenu.people', perm: Perm.CaseworkRead, activeMenu: 'casework' },
  },
  {
    path: 'casework/visits',
    name: 'casework-visits',
    component: () => import('@/views/Casework/VisitsView.vue'),
    meta: { title: 'caseMenu.visits', perm: Perm.CaseworkRecord, menu: { icon: Van, order: 9.7 } },
  },
  {
    path: 'casework/import',
    name: 'casework-import',
    component: () => import('@/views/Casework/CaseworkImportView.vue'),
    meta: { title: 'caseMenu.import', perm: Perm.CaseworkRecord, activeMenu: 'casework' },
  },
  {
    path: 'casework/problems',
    name: 'casework-problems',
    component: () => import('@/views/Casework/CaseworkProblemsView.vue'),
    meta: { title: 'caseMenu.problems', perm: Perm.CaseworkRead, menu: { icon: Warning, order: 9.65 } },
  },
  {
    path: 'casework/screenings',
    name: 'casework-screenings',
    component: () => import('@/views/Casework/CaseworkScreeningsView.vue'),
    meta: { title: 'caseMenu.screenings', perm: Perm.CaseworkRead, menu: { icon: SearchIcon, order: 9.75 } },
  },
  {
    path: 'casework/evaluations',
    name: 'casework-evaluations',
    component: () => import('@/views/Casework/CaseworkEvaluationsView.vue'),
    meta: { title: 'caseMenu.evaluations', perm: Perm.CaseworkRead, menu: { icon: DataAnalysis, order: 9.76 } },
  },
  {
    path: 'casework/figures',
    name: 'casework-figures',
    component: () => import('@/views/Casework/CaseworkFiguresView.vue'),
    meta: { title: 'caseMenu.figures', perm: Perm.CaseworkRead, menu: { icon: TrendCharts, order: 9.8 } },
  },
  // 民政服务站 / 社会服务工作站 (issue 14 §3–§5): profile, roster and training ledger, activities and publicity.
  {
    path: 'civil-affairs-stations',
    name: 'ca-stations',
    component: () => import('@/views/CivilAffairs/CaStationListView.vue'),
    meta: { title: 'caStation.menu', perm: Perm.CaseworkRead, menu: { icon: OfficeBuilding, order: 9.85 } },
  },
  {
    path: 'civil-affairs-stations/:id',
    name: 'ca-station',
    component: () => import('@/views/CivilAffairs/CaStationDetailView.vue'),
    meta: { title: 'caStation.menu', perm: Perm.CaseworkRead, activeMenu: 'ca-stations' },
  },
  {
    path: 'admin/organizations',
    name: 'organizations',
    component: () => import('@/views/Organizations/OrganizationTreeView.vue'),
    meta: { title: 'menu.organizations', menu: { icon: OfficeBuilding, group: 'admin', order: 10 } },
  },
  {
    path: 'admin/users',
    name: 'users',
    component: () => import('@/views/Accounts/UsersView.vue'),
    meta: { title: 'menu.users', perm: Perm.UsersRead, menu: { icon: User, group: 'admin', order: 11 } },
  },
  {
    path: 'admin/tokens',
    name: 'tokens',
    component: () => import('@/views/Accounts/TokensView.vue'),
    meta: { title: 'menu.tokens', perm: Perm.TokensManage, menu: { icon: Key, group: 'admin', order: 12 } },
  },
  {
    path: 'admin/calendar/:year(\\d{4})?',
    name: 'calendar',
    component: () => import('@/views/Calendar/CalendarYearView.vue'),
    meta: { title: 'menu.calendar', menu: { icon: Calendar, group: 'admin', order: 13 } },
  },
  {
    path: 'admin/audit',
    name: 'audit',
    component: () => import('@/views/Auditing/AuditLogView.vue'),
    meta: { title: 'menu.audit', perm: Perm.AuditRead, menu: { icon: List, group: 'admin', order: 14 } },
  },
  {
    path: 'admin/feedback-templates',
    name: 'feedback-templates',
    component: () => import('@/views/Programme/FeedbackTemplatesView.vue'),
    meta: { title: 'lifecycleMenu.templates', menu: { icon: ChatLineSquare, group: 'admin', order: 15 } },
  },
  {
    path: 'admin/programme-rules',
    name: 'programme-rules',
    component: () => import('@/views/Programme/ProgrammeRulesView.vue'),
    meta: { title: 'lifecycleMenu.rules', menu: { icon: Operation, group: 'admin', order: 16 } },
  },
  // 莞家直达 and funds (issue 6)
  { path: 'claim-items', name: 'claim-items', component: () => import('@/views/Claims/ClaimItemListView.vue'), meta: { title: 'claimConsole.menu', perm: Perm.AppealsRead, menu: { icon: Present, order: 7 } } },
  { path: 'claim-items/:id', name: 'claim-item', component: () => import('@/views/Claims/ClaimItemDetailView.vue'), meta: { title: 'claimConsole.menu', perm: Perm.AppealsRead, activeMenu: 'claim-items' } },
  { path: 'funds', name: 'funds', component: () => import('@/views/Funds/FundsView.vue'), meta: { title: 'funds.menu', perm: 'funds.read', menu: { icon: Wallet, order: 8 } } },
  { path: 'funds/factors', name: 'fund-factors', component: () => import('@/views/Funds/TownFactorsView.vue'), meta: { title: 'fundFactors.menu', perm: 'funds.manage', activeMenu: 'funds' } },
]
