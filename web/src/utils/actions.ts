import type { DeadlineView } from '@/api/deadlines'
import type { AllowedStep } from '@/api/projects'

// What the detail pages offer: the API's `allowedActions` (the transition table filtered by state, size and
// the caller's permissions) mapped to one form each, in the order of the process.

export type StepForm =
  | 'acknowledge'
  | 'committee'
  | 'consultation'
  | 'assemblyVote'
  | 'registration'
  | 'opinion'
  | 'review'
  | 'publish'
  | 'start'
  | 'progress'
  | 'complete'
  | 'surveyResponse'
  | 'completion'
  | 'finishSurvey'
  | 'finalAccounts'

/** A step the caller may take and the form it opens: a StepForm on appeals and projects, the action itself on wishes. */
export interface ActionSpec<F extends string = StepForm> {
  action: string
  form: F
  /** The step that moves the item on (a filled button); the others are secondary. */
  primary: boolean
}

const appealActions: ActionSpec[] = [
  { action: 'Acknowledge', form: 'acknowledge', primary: true },
  { action: 'RecordCommitteeDecision', form: 'committee', primary: true },
]

const projectActions: ActionSpec[] = [
  { action: 'RecordConsultation', form: 'consultation', primary: true },
  { action: 'RecordAssemblyVote', form: 'assemblyVote', primary: false },
  { action: 'FileRegistration', form: 'registration', primary: true },
  { action: 'RecordDepartmentOpinion', form: 'opinion', primary: true },
  { action: 'Review', form: 'review', primary: true },
  { action: 'Publish', form: 'publish', primary: true },
  { action: 'StartImplementation', form: 'start', primary: true },
  { action: 'ReportProgress', form: 'progress', primary: false },
  { action: 'Complete', form: 'complete', primary: true },
  { action: 'RecordSurveyResponse', form: 'surveyResponse', primary: false },
  { action: 'FileCompletion', form: 'completion', primary: true },
  { action: 'FinishSurvey', form: 'finishSurvey', primary: true },
  { action: 'RecordFinalAccounts', form: 'finalAccounts', primary: true },
]

function pick(specs: readonly ActionSpec[], allowed: readonly string[]): ActionSpec[] {
  const set = new Set(allowed)
  // An action this UI does not know yet is left out rather than shown as a button that does nothing.
  return specs.filter((s) => set.has(s.action))
}

export function appealActionsFor(allowed: readonly string[]): ActionSpec[] {
  return pick(appealActions, allowed)
}

/**
 * The project's steps, in the order of the process. The transition table's RecordFinalAccounts row stays open on a closed
 * project (Closed → Closed) although the use case takes the final accounts once (R-MS-19, 400 already_recorded): once the
 * project says they are recorded, the step is not offered.
 */
export function projectActionsFor(allowed: readonly string[], project?: { finalAccountsAt?: string | null }): ActionSpec[] {
  return pick(projectActions, allowed).filter((a) => !(a.action === 'RecordFinalAccounts' && project?.finalAccountsAt))
}

/** The appeal's steps and the deadlines they meet (AppealWorkflow). */
const appealMeets: Record<string, string[]> = {
  Acknowledge: ['Acknowledge'],
  RecordCommitteeDecision: ['CommitteeMeeting'],
}

export function appealMeetsFor(action: string): string[] {
  return appealMeets[action] ?? []
}

/**
 * The deadlines a step meets, from the record's own `steps` (the API's allowed steps, each with the deadlines its rows
 * meet): what the form checks for lateness.
 */
export function stepMeets(steps: readonly Pick<AllowedStep, 'action' | 'meets'>[] | null | undefined, action: string): string[] {
  return [...(steps?.find((s) => s.action === action)?.meets ?? [])]
}

/**
 * The open deadlines a step would meet late: those of the step's obligations already past due now. Lateness is judged
 * by when the step is recorded, not by the date the user gives the event (a meeting dated before its deadline but
 * entered after it is late), so the API then needs `lateReason` (400 `late_reason_required`) and the form asks for it
 * up front.
 */
export function overdueFor(deadlines: readonly DeadlineView[], meets: readonly string[], now: Date = new Date()): DeadlineView[] {
  if (meets.length === 0) return []
  const when = now.getTime()
  return deadlines.filter(
    (d) => meets.includes(d.obligation) && !d.metAt && !d.cancelledAt && d.status !== 'Cancelled' && new Date(d.dueAt).getTime() < when,
  )
}

/**
 * The one next step of an item (issue 17 point 3): the first primary step in the process's order, else the first step; the others
 * are secondary.
 */
export function nextStep<F extends string>(actions: readonly ActionSpec<F>[]): { next: ActionSpec<F> | null; others: ActionSpec<F>[] } {
  const next = actions.find((a) => a.primary) ?? actions[0] ?? null
  return { next, others: actions.filter((a) => a !== next) }
}
