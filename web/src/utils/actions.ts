import type { DeadlineView } from '@/api/deadlines'
import type { ProjectState, WorkflowTransition } from '@/api/projects'

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
]

function pick(specs: readonly ActionSpec[], allowed: readonly string[]): ActionSpec[] {
  const set = new Set(allowed)
  // An action this UI does not know yet is left out rather than shown as a button that does nothing.
  return specs.filter((s) => set.has(s.action))
}

export function appealActionsFor(allowed: readonly string[]): ActionSpec[] {
  return pick(appealActions, allowed)
}

export function projectActionsFor(allowed: readonly string[]): ActionSpec[] {
  return pick(projectActions, allowed)
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
 * The deadlines a project step meets, from the transition table (GET /api/micro-projects/workflow): the row
 * of this action that applies to the project's size and state. FileCompletion meets CompletionForm only
 * for a large project, and the result feedback too for a small one, which closes it.
 */
export function projectMeetsFor(
  table: readonly WorkflowTransition[],
  action: string,
  state: ProjectState,
  isSmall: boolean | null,
): string[] {
  const fits = (size: WorkflowTransition['size']) => size === 'Any' || (size === 'Small' ? isSmall === true : isSmall !== true)
  const row = table.find((t) => t.action === action && fits(t.size) && t.from.includes(state))
  return row ? [...row.meets] : []
}

/**
 * The open deadlines a step would meet late: those of the step's obligations already past due, or past due
 * at the time the step says it happened (a meeting entered with its own time). The API then needs
 * `lateReason` (400 `late_reason_required`), so the form asks for it up front.
 */
export function overdueFor(
  deadlines: readonly DeadlineView[],
  meets: readonly string[],
  now: Date = new Date(),
  at?: Date | null,
): DeadlineView[] {
  if (meets.length === 0) return []
  const when = (at ?? now).getTime()
  return deadlines.filter(
    (d) => meets.includes(d.obligation) && !d.metAt && !d.cancelledAt && d.status !== 'Cancelled' && new Date(d.dueAt).getTime() < when,
  )
}
