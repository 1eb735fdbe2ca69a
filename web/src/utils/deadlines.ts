import type { RouteLocationRaw } from 'vue-router'
import type { DeadlineView } from '@/api/deadlines'
import { chinaDateOf } from './format'

export interface DeadlineGroups {
  /** Past due and not met: shown first, in red. */
  overdue: DeadlineView[]
  /** Due later today (Beijing date). */
  today: DeadlineView[]
  /** In its warning window (R-PL-08) or due within `soonHours`. */
  soon: DeadlineView[]
  later: DeadlineView[]
}

/**
 * Sorts the open deadlines of "我的工作" into overdue / today / soon / later, each earliest first. Rows met or
 * cancelled are left out; a row listed twice (from two queries) counts once.
 */
export function groupDeadlines(rows: readonly DeadlineView[], now: Date = new Date(), soonHours = 72): DeadlineGroups {
  const groups: DeadlineGroups = { overdue: [], today: [], soon: [], later: [] }
  const seen = new Set<string>()
  const today = chinaDateOf(now)
  const soonUntil = now.getTime() + soonHours * 3_600_000
  for (const d of rows) {
    if (seen.has(d.id) || d.metAt || d.cancelledAt || d.status === 'Met' || d.status === 'MetLate' || d.status === 'Cancelled') continue
    seen.add(d.id)
    const due = new Date(d.dueAt).getTime()
    if (due <= now.getTime()) groups.overdue.push(d)
    else if (chinaDateOf(d.dueAt) === today) groups.today.push(d)
    else if (d.status === 'DueSoon' || due <= soonUntil) groups.soon.push(d)
    else groups.later.push(d)
  }
  const byDue = (a: DeadlineView, b: DeadlineView) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime()
  groups.overdue.sort(byDue)
  groups.today.sort(byDue)
  groups.soon.sort(byDue)
  groups.later.sort(byDue)
  return groups
}

/**
 * Where one click on a deadline goes: the appeal, the project, the wish, or the annual-plan page for a town's yearly duties
 * (subject TownYear, R-IN-02, R-MS-17: they have no page of their own).
 */
export function subjectLink(d: Pick<DeadlineView, 'subjectType' | 'subjectId'>): RouteLocationRaw | null {
  switch (d.subjectType) {
    case 'Appeal':
      return { name: 'appeal', params: { id: d.subjectId } }
    case 'MicroProject':
      return { name: 'project', params: { id: d.subjectId } }
    case 'MicroWish':
      return { name: 'wish', params: { id: d.subjectId } }
    case 'TownYear':
    case 'CollectionCampaign':
      return { name: 'annual-plan' }
    case 'ClaimItem':
      return { name: 'claim-item', params: { id: d.subjectId } }
    default:
      return null
  }
}

/** 我的工作's sections of one unit's rows (already earliest first from the API): overdue, due today, the rest. */
export function workSections<T extends { status: string; dueToday: boolean }>(items: readonly T[]): { key: 'overdue' | 'today' | 'rest'; items: T[] }[] {
  const overdue = items.filter((i) => i.status === 'Overdue')
  const today = items.filter((i) => i.status !== 'Overdue' && i.dueToday)
  const open = items.filter((i) => i.status !== 'Overdue' && !i.dueToday)
  return (
    [
      { key: 'overdue', items: overdue },
      { key: 'today', items: today },
      { key: 'rest', items: open },
    ] as const
  ).filter((s) => s.items.length > 0) as { key: 'overdue' | 'today' | 'rest'; items: T[] }[]
}
