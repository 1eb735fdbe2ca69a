import { describe, expect, it } from 'vitest'
import {
  campaignLate,
  collectionDue,
  openCampaignRequest,
  splitPlan,
  townYearId,
  validateFilePlan,
  validateOpenCampaign,
} from '@/utils/planForms'

const fields = (errs: { field: string }[]) => errs.map((e) => e.field)
const rules = { collectionEndMonth: 1, collectionEndDay: 31 }

describe('the town’s year (R-IN-02, R-MS-17)', () => {
  it('finds the year’s duties by the same subject id as the API (AnnualObligations.TownYearId)', () => {
    // The year in hex in place of the town id's first eight digits.
    expect(townYearId('0196f0a2-1c3d-7e4f-8a9b-0c1d2e3f4a5b', 2027)).toBe('000007eb-1c3d-7e4f-8a9b-0c1d2e3f4a5b')
    expect(townYearId('0196F0A2-1C3D-7E4F-8A9B-0C1D2E3F4A5B', 2026)).toBe('000007ea-1c3d-7e4f-8a9b-0c1d2e3f4a5b')
  })

  it('opens a campaign after 31 January late, with its reason and its own end date in the year', () => {
    expect(collectionDue(2027, rules)).toBe('2027-01-31')
    expect(campaignLate(2027, rules, '2027-01-31')).toBe(false)
    expect(campaignLate(2027, rules, '2027-02-01')).toBe(true)
    // Next year's campaign opened in December is not late; without the rules nothing is asked.
    expect(campaignLate(2028, rules, '2027-12-20')).toBe(false)
    expect(campaignLate(2027, null, '2027-06-01')).toBe(false)
    const blank = { note: '', lateReason: ' ', endsOn: null }
    expect(validateOpenCampaign(blank, 2027, false, '2027-01-10', '2027-01-31')).toEqual([])
    const late = validateOpenCampaign(blank, 2027, true, '2027-03-02', '2027-01-31')
    expect(fields(late)).toEqual(['lateReason', 'endsOn'])
    expect(late[0].zh).toContain('2027年度集中征集应于1月31日前完成')
    expect(fields(validateOpenCampaign({ note: '', lateReason: '镇街机构调整', endsOn: '2027-03-01' }, 2027, true, '2027-03-02', '2027-01-31'))).toEqual(['endsOn'])
    expect(validateOpenCampaign({ note: '', lateReason: '镇街机构调整', endsOn: '2028-01-05' }, 2027, true, '2027-03-02', '2027-01-31')[0].code).toBe('other_year')
    expect(validateOpenCampaign({ note: '', lateReason: '镇街机构调整', endsOn: '2027-03-31' }, 2027, true, '2027-03-02', '2027-01-31')).toEqual([])
    // On time, a reason or date typed and abandoned is not sent.
    expect(openCampaignRequest({ note: ' 说明 ', lateReason: '不发送', endsOn: '2027-03-31' }, 2027, false)).toEqual({ year: 2027, note: '说明', lateReason: null, endsOn: null })
    expect(openCampaignRequest({ note: '', lateReason: ' 机构调整 ', endsOn: '2027-03-31' }, 2027, true)).toEqual({ year: 2027, note: null, lateReason: '机构调整', endsOn: '2027-03-31' })
  })

  it('pays the plan from the allocation in the town’s order and the rest from matching funds, as the API splits it', () => {
    const items = [
      { id: 'a', budgetFen: 6_000_000 },
      { id: 'b', budgetFen: 5_000_000 },
      { id: 'c', budgetFen: 3_000_000 },
    ]
    const s = splitPlan(items, 10_000_000)
    expect(s.rows.map((r) => [r.id, r.allocationFen, r.matchingFen])).toEqual([['a', 6_000_000, 0], ['b', 4_000_000, 1_000_000], ['c', 0, 3_000_000]])
    expect([s.totalFen, s.matchingFen, s.belowFen]).toEqual([14_000_000, 4_000_000, 0])
    const below = splitPlan(items.slice(0, 1), 10_000_000)
    expect([below.matchingFen, below.belowFen]).toEqual([0, 4_000_000])
    // No allocation yet: nothing is matching, nothing below.
    expect(splitPlan(items, null).matchingFen).toBe(0)
  })

  it('files a plan below the allocation only with the town’s reason (原则上)', () => {
    expect(fields(validateFilePlan({ projectIds: [], belowAllocationReason: '' }, 0, 10_000_000))).toEqual(['projectIds', 'belowAllocationReason'])
    const refused = validateFilePlan({ projectIds: ['a'], belowAllocationReason: ' ' }, 6_000_000, 10_000_000)
    expect(refused).toEqual([expect.objectContaining({ field: 'belowAllocationReason', code: 'below_allocation' })])
    expect(refused[0].zh).toContain('计划总额6.00 万元少于市分配额度10.00 万元')
    expect(validateFilePlan({ projectIds: ['a'], belowAllocationReason: '部分项目转现行政策办理' }, 6_000_000, 10_000_000)).toEqual([])
    expect(validateFilePlan({ projectIds: ['a'], belowAllocationReason: '' }, 12_000_000, 10_000_000)).toEqual([])
    expect(validateFilePlan({ projectIds: ['a'], belowAllocationReason: '' }, 1, null)).toEqual([])
  })
})
