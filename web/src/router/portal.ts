import type { RouteRecordRaw } from 'vue-router'

/** The public portal: no account, mobile first. */
export const portalRoutes: RouteRecordRaw[] = [
  { path: '', name: 'portal', component: () => import('@/views/Portal/PortalHomeView.vue'), meta: { public: true, title: 'portal.home' } },
  { path: 'submit', name: 'portal-submit', component: () => import('@/views/Portal/PortalSubmitView.vue'), meta: { public: true, title: 'portal.submit' } },
  { path: 'track', name: 'portal-track', component: () => import('@/views/Portal/PortalTrackView.vue'), meta: { public: true, title: 'portal.track' } },
  {
    path: 'publicity',
    name: 'portal-publicity',
    component: () => import('@/views/Portal/PortalPublicityView.vue'),
    meta: { public: true, title: 'portal.publicity' },
  },
  {
    path: 'stations',
    name: 'portal-stations',
    component: () => import('@/views/Portal/PortalStationsView.vue'),
    meta: { public: true, title: 'portal.stations' },
  },
  // 民政服务站 and 社会服务工作站 (issue 14 §3, R-CA-01, R-CA-14): each station's public page with this week's activities.
  {
    path: 'civil-affairs-stations',
    name: 'portal-ca-stations',
    component: () => import('@/views/Portal/PortalCaStationsView.vue'),
    meta: { public: true, title: 'caStation.portalTitle' },
  },
  {
    path: 'civil-affairs-stations/:id',
    name: 'portal-ca-station',
    component: () => import('@/views/Portal/PortalCaStationView.vue'),
    meta: { public: true, title: 'caStation.portalTitle' },
  },
  // 莞家直达 claim board and the online satisfaction survey (issue 6)
  { path: 'claims', name: 'portal-claims', component: () => import('@/views/Portal/PortalClaimBoardView.vue'), meta: { public: true, title: 'claimBoard.title' } },
  { path: 'claims/:id', name: 'portal-claim', component: () => import('@/views/Portal/PortalClaimItemView.vue'), meta: { public: true, title: 'claimBoard.title' } },
  { path: 'surveys/:number', name: 'portal-survey', component: () => import('@/views/Portal/PortalSurveyView.vue'), meta: { public: true, title: 'onlineSurvey.title' } },
]
