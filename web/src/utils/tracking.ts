import type { Lang } from '@/api/problem'
import type { TrackingView } from '@/api/public'
import { formatDateTime } from './format'

export type StepStatus = 'wait' | 'process' | 'finish' | 'success'

export interface TrackingStep {
  key: string
  title: string
  description: string
  status: StepStatus
}

/** States after which nothing more happens (the appeal ends without a project, or the project stops). */
const endedZh = ['不属于受理范围', '已转现行政策办理', '转现行政策办理', '不予立项']

/**
 * The appellant's stages as el-steps: the stages done are ticked (success, with their dates), the first
 * stage not done is in progress, the rest wait. When the appeal ended early (not accepted, referred to
 * policy, rejected) the stages after it are left out and the last one carries the outcome. `active` is the
 * index el-steps highlights.
 */
export function trackingSteps(view: TrackingView, lang: Lang = 'zh-CN'): { steps: TrackingStep[]; active: number; ended: boolean } {
  const ended = endedZh.includes(view.stateZh)
  const firstOpen = view.stages.findIndex((s) => !s.done)
  const steps = view.stages.map<TrackingStep>((s, i) => {
    const status: StepStatus = s.done ? 'success' : i === firstOpen && !ended ? 'process' : 'wait'
    return { key: s.stage, title: s.zh, description: s.at ? formatDateTime(s.at, lang) : '', status }
  })
  if (ended) {
    const lastDone = steps.map((s) => s.status).lastIndexOf('success')
    // The outcome is the last stage's news, not a success of the appeal: shown plainly.
    if (lastDone >= 0)
      steps[lastDone] = { ...steps[lastDone], status: 'finish', description: `${steps[lastDone].description}${steps[lastDone].description ? ' · ' : ''}${view.stateZh}` }
    return { steps: steps.filter((s) => s.status !== 'wait'), active: Math.max(0, lastDone), ended }
  }
  return { steps, active: firstOpen < 0 ? steps.length : firstOpen, ended }
}

/** A tracking number as typed: spaces gone, upper case (the numbers are GJ + date + Crockford letters). */
export function normalizeTrackingNumber(v: string): string {
  return v.replace(/\s+/g, '').toUpperCase()
}
