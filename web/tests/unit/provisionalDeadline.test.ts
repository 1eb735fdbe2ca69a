import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import type { DeadlineView } from '@/api/deadlines'
import DeadlineTable from '@/components/lifecycle/DeadlineTable.vue'

// R-PL-01: a deadline counted in working days across a year whose notice is not loaded says so; the others do not.

const deadline = (d: Partial<DeadlineView>): DeadlineView => ({
  id: 'd1', obligation: 'TownReview', ruleId: 'R-MS-08', zh: '镇（街道）审核确认', en: 'Town review', subjectType: 'MicroProject', subjectId: 's',
  subjectRef: 'MS2026-000001', responsibleOrgId: 'o', responsibleOrgName: '东城街道', startsAt: '2026-12-28T02:00:00Z', dueAt: '2027-01-04T15:59:59Z',
  warnAt: '2027-01-03T15:59:59Z', metAt: null, lateReason: null, cancelledAt: null, status: 'Open', secondsLeft: 600_000, ...d,
})

describe('DeadlineTable', () => {
  it('marks a provisional working-day deadline (暂按常规工作日计算) and only that one', () => {
    i18n.global.locale.value = 'zh-CN'
    const w = mount(DeadlineTable, {
      props: { deadlines: [deadline({ workingDaysProvisional: true }), deadline({ id: 'd2', obligation: 'Acknowledge' })], now: new Date('2026-12-28T03:00:00Z') },
      global: { plugins: [i18n, ElementPlus] },
    })
    const marks = w.findAll('[data-test=deadline-provisional]')
    expect(marks).toHaveLength(1)
    expect(marks[0].text()).toBe('（暂按常规工作日计算）')
    w.unmount()
  })
})
