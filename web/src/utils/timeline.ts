import type { TimelineEntry } from '@/api/appeals'
import type { Lang } from '@/api/problem'
import { formatDeadline, type DeadlineText } from './format'

type Label = (key: string) => string

// The timeline's entries come in Chinese from the server, except what it has no words for yet: a state
// name after "→ " (Dispatched, AwaitingConsultation …), a feedback kind after "反馈：", and audit actions it
// does not list (SubmitPublicAppeal). Those are put into the reader's language here.

const actionLabels: Record<string, string> = {
  SubmitPublicAppeal: 'timelineAction.SubmitPublicAppeal',
  ReceiveAppeal: 'timelineAction.ReceiveAppeal',
  ReceiveWorkOrder: 'timelineAction.ReceiveWorkOrder',
  ReportProgress: 'action.ReportProgress',
  RecordSurveyResponse: 'action.RecordSurveyResponse',
  RecordDepartmentOpinion: 'action.RecordDepartmentOpinion',
  RecordFinalAccounts: 'action.RecordFinalAccounts',
  CommissionSurvey: 'timelineAction.CommissionSurvey',
  WithdrawSurveyCommission: 'timelineAction.WithdrawSurveyCommission',
}

const appealStates = new Set(['Dispatched', 'Acknowledged', 'BecameProject', 'ReferredToPolicy', 'NotAccepted', 'BecameWish'])
const feedbackKinds = new Set([
  'Receipt', 'CommitteePolicyReferral', 'NotAccepted', 'TownDecisionProgramme', 'TownDecisionPolicy', 'TownDecisionRejected', 'Result', 'ClaimResult', 'PolicyResult', 'WishRejected',
  'WishDecision', 'WishResult', 'ClaimReturned', 'VillageDecisionProgramme', 'VillageDecisionPolicy', 'WishReceipt',
])

const projectStates = new Set([
  'AwaitingConsultation', 'ConsultationFailed', 'Consulted', 'TownReview', 'AwaitingPublicity', 'Publicity', 'Implementation', 'Completed',
  'AwaitingSurvey', 'Closed', 'PolicyReferred', 'Rejected', 'AwaitingClaim',
])

/** A wish's states that a project does not have; Completed, Closed, PolicyReferred and Rejected read as the project's. */
const wishStates = new Set(['AwaitingVerification', 'AwaitingDecision', 'Handling', 'Routed'])

/** The appeal's and the project's state sets do not share a name, so the name says which it is. */
function stateLabel(state: string, label: Label): string {
  if (appealStates.has(state)) return label(`enums.appealState.${state}`)
  if (projectStates.has(state)) return label(`enums.projectState.${state}`)
  if (wishStates.has(state)) return label(`svcEnums.wishState.${state}`)
  return state
}

export function timelineTitle(e: Pick<TimelineEntry, 'kind' | 'title'>, label: Label): string {
  if (e.kind === 'message') {
    const m = /^反馈：(\w+)$/.exec(e.title)
    if (m && feedbackKinds.has(m[1])) return `${label('appeal.messages')}：${label(`enums.feedback.${m[1]}`)}`
  }
  if (/^[A-Z][A-Za-z]+$/.test(e.title) && actionLabels[e.title]) return label(actionLabels[e.title])
  return e.title
}

export function timelineDetail(e: Pick<TimelineEntry, 'kind' | 'detail'>, label: Label): string | null {
  if (!e.detail) return null
  if (e.kind !== 'step') return e.detail
  return e.detail.replace(/^→ ([A-Za-z]+)/, (_, s: string) => `→ ${stateLabel(s, label)}`)
}

/**
 * An open deadline's time left (or how late it is) as the server counted it when the timeline was read; null for a
 * deadline met or cancelled and for the other entries.
 */
export function timelineTimeLeft(e: Pick<TimelineEntry, 'kind' | 'secondsLeft'>, lang: Lang): DeadlineText | null {
  if (e.kind !== 'deadline' || e.secondsLeft === null || e.secondsLeft === undefined) return null
  return formatDeadline(new Date(e.secondsLeft * 1000), new Date(0), lang)
}
