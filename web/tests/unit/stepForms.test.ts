import { describe, expect, it } from 'vitest'
import {
  appealRequest,
  attachmentChecklist,
  capExceeded,
  committeeRequest,
  completionRequest,
  consultationRequest,
  emptyAppeal,
  emptyCompletion,
  emptyConsultation,
  emptyReview,
  emptySurvey,
  isSmallBudget,
  lastFour,
  phoneLooksValid,
  publicAppealRequest,
  publishRequest,
  registrationRequest,
  reviewRequest,
  surveyRequest,
  validateAppeal,
  validateCommittee,
  validateCompletion,
  validateConsultation,
  validatePublicAppeal,
  validatePublish,
  validateRegistration,
  validateReview,
  validateSurvey,
  type CompletionModel,
  type ConsultationModel,
} from '@/utils/stepForms'

const fields = (errs: { field: string }[]) => errs.map((e) => e.field)
const rules = { convenienceWorksCapFen: 50_000_000, welfareServiceCapFen: 20_000_000, directImplementationThresholdFen: 5_000_000 }

function passedConsultation(): ConsultationModel {
  return {
    ...emptyConsultation(new Date('2026-11-23T02:00:00Z')),
    place: '岗贝社区党群服务中心', host: '张三', recorder: '李四', form: 'TopicalCouncil', participantTypes: ['VillagersCommittee', 'Beneficiaries'],
    headCount: 25, passed: true, content: '更换路灯 40 盏', beneficiaries: '岗贝社区居民', route: 'Express', budgetWan: '12',
    implementingBody: '岗贝社区居委会', implementationPeriod: '6个月', minutesAttachmentId: 'att-1',
  }
}

describe('appeal forms', () => {
  it('sends the staff appeal with empty texts as null', () => {
    const m = { ...emptyAppeal('v1'), channel: 'HomeVisit' as const, title: ' 路灯不亮 ', description: '巷口路灯坏了', appellantPhone: '' }
    expect(validateAppeal(m)).toEqual([])
    expect(appealRequest(m)).toEqual({
      channel: 'HomeVisit', title: '路灯不亮', description: '巷口路灯坏了', category: null, villageId: 'v1', address: null, appellantName: null,
      appellantPhone: null, collection: 'Daily',
    })
  })

  it('asks for what the API requires, under the API’s field names', () => {
    expect(fields(validateAppeal(emptyAppeal()))).toEqual(['channel', 'title', 'description', 'villageId'])
    expect(fields(validateAppeal({ ...emptyAppeal('v'), channel: 'Petition', title: 't', description: 'd' }))).toEqual(['channel'])
    expect(validateAppeal({ ...emptyAppeal('v'), channel: 'HomeVisit', title: 't', description: 'd', appellantPhone: 'abc' })[0].code).toBe('invalid_phone')
  })

  it('requires the phone on the portal and keeps its last four digits for tracking', () => {
    const m = { title: '路灯', description: '坏了', category: null, townId: 't', villageId: 'v', address: '', name: '', phone: '' }
    expect(fields(validatePublicAppeal(m))).toEqual(['phone'])
    expect(validatePublicAppeal({ ...m, phone: '138 0013 8000' })).toEqual([])
    expect(publicAppealRequest({ ...m, phone: ' 13800138000 ' })).toEqual({
      title: '路灯', description: '坏了', category: null, villageId: 'v', address: null, name: null, phone: '13800138000',
    })
    expect(lastFour('138-0013-8000')).toBe('8000')
    expect(phoneLooksValid('0769-22001234')).toBe(true)
    expect(phoneLooksValid('123')).toBe(false)
  })
})

describe('committee decision', () => {
  const now = new Date('2026-11-23T03:00:00Z')
  const base = { meetingAt: new Date('2026-11-23T02:00:00Z'), outcome: undefined, note: '', policyDepartment: '住建局', policyContact: '123', projectName: '', category: null, lateReason: '' }

  it('sends only the chosen outcome’s fields', () => {
    expect(committeeRequest({ ...base, outcome: 'MicroProject', projectName: ' 路灯更换 ', category: 'ConvenienceWorks' }, 3)).toEqual({
      meetingAt: '2026-11-23T02:00:00.000Z', outcome: 'MicroProject', note: null, policyDepartment: null, policyContact: null,
      projectName: '路灯更换', category: 'ConvenienceWorks', lateReason: null, version: 3,
    })
    const referral = committeeRequest({ ...base, outcome: 'PolicyReferral', projectName: '丢弃' }, 1)
    expect([referral.policyDepartment, referral.policyContact, referral.projectName]).toEqual(['住建局', '123', null])
  })

  it('asks for the conditional fields', () => {
    expect(fields(validateCommittee({ ...base, outcome: undefined }, now))).toEqual(['outcome'])
    expect(fields(validateCommittee({ ...base, outcome: 'PolicyReferral', policyDepartment: '', policyContact: ' ' }, now))).toEqual([
      'policyDepartment', 'policyContact',
    ])
    expect(fields(validateCommittee({ ...base, outcome: 'NotAccepted' }, now))).toEqual(['note'])
    expect(validateCommittee({ ...base, outcome: 'MicroProject', meetingAt: new Date('2026-11-24T00:00:00Z') }, now)[0].code).toBe('in_future')
  })
})

describe('consultation', () => {
  it('turns 万元 into fen and drops the failure note of a passed meeting', () => {
    const body = consultationRequest({ ...passedConsultation(), failureNote: '旧的' }, 2)
    expect(body.budgetFen).toBe(12_000_000)
    expect(body.failureNote).toBeNull()
    expect(body.route).toBe('Express')
    expect(body.fundingSources).toEqual(['ProgrammeFund'])
    expect(body.heldAt).toBe('2026-11-23T02:00:00.000Z')
    expect(body.minutesAttachmentId).toBe('att-1')
    expect(body.version).toBe(2)
    expect(validateConsultation(passedConsultation(), { feasibilityRequired: false, now: new Date('2026-11-24T00:00:00Z') })).toEqual([])
  })

  it('sends only the failure note of a failed meeting', () => {
    const body = consultationRequest({ ...passedConsultation(), passed: false, failureNote: '居民意见分歧' }, 1)
    expect([body.passed, body.content, body.budgetFen, body.route, body.fundingSources, body.failureNote]).toEqual([false, null, null, null, null, '居民意见分歧'])
  })

  it('asks for every field of the 协商 section the API requires', () => {
    const empty = { ...emptyConsultation(new Date('2026-11-23T02:00:00Z')), fundingSources: [] }
    expect(fields(validateConsultation(empty, { feasibilityRequired: true, now: new Date('2026-11-24T00:00:00Z') }))).toEqual([
      'place', 'host', 'recorder', 'form', 'participantTypes', 'headCount', 'passed', 'minutesAttachmentId', 'feasibilityStudy',
    ])
    const noResult = { ...passedConsultation(), content: '', beneficiaries: '', route: null, budgetWan: '0', fundingSources: [], implementingBody: '', implementationPeriod: '' }
    expect(fields(validateConsultation(noResult, { feasibilityRequired: false, now: new Date('2026-11-24T00:00:00Z') }))).toEqual([
      'content', 'beneficiaries', 'route', 'budgetFen', 'fundingSources', 'implementingBody', 'implementationPeriod',
    ])
    expect(fields(validateConsultation({ ...passedConsultation(), passed: false }, { feasibilityRequired: false, now: new Date('2026-11-24T00:00:00Z') }))).toEqual(['failureNote'])
    expect(fields(validateConsultation({ ...passedConsultation(), form: 'Other' }, { feasibilityRequired: false, now: new Date('2026-11-24T00:00:00Z') }))).toEqual(['formOther'])
  })
})

describe('registration', () => {
  const m = {
    name: '路灯更换', subType: 'PublicFacilities' as const, content: '', source: 'Residents' as const, location: '岗贝社区', contactName: '王五',
    contactTitle: '委员', contactPhone: '0769-1234567', capOverrideReason: '  ',
  }

  it('knows the cap of the sub-type’s category and the threshold', () => {
    expect(capExceeded(12_000_000, 'PublicFacilities', rules)).toBeNull()
    expect(capExceeded(25_000_000, 'ElderlyCare', rules)).toEqual({ category: 'WelfareService', capFen: 20_000_000 })
    expect(capExceeded(25_000_000, 'LivingEnvironment', rules)).toBeNull()
    expect(capExceeded(25_000_000, null, rules)).toBeNull()
    expect(isSmallBudget(4_999_999, rules)).toBe(true)
    expect(isSmallBudget(5_000_000, rules)).toBe(false)
  })

  it('asks for the override reason only over the cap and sends it only then', () => {
    expect(validateRegistration(m, false)).toEqual([])
    expect(fields(validateRegistration(m, true))).toEqual(['capOverrideReason'])
    expect(registrationRequest({ ...m, capOverrideReason: '理由' }, 4, false).capOverrideReason).toBeNull()
    expect(registrationRequest({ ...m, capOverrideReason: '理由' }, 4, true)).toMatchObject({ capOverrideReason: '理由', content: null, version: 4 })
    expect(fields(validateRegistration({ ...m, name: '', subType: null, source: null, location: '', contactName: '', contactTitle: '', contactPhone: '' }, false))).toEqual([
      'name', 'subType', 'source', 'location', 'contactName', 'contactTitle', 'contactPhone',
    ])
  })
})

describe('review and publicity', () => {
  it('checks the decision against the four checks like the API', () => {
    const fund = { ...emptyReview(), decision: 'ProgrammeFunding' as const, opinion: '同意' }
    expect(validateReview(fund, [{ signedOff: false }])).toEqual([])
    expect(fields(validateReview(fund, []))).toEqual(['departmentOpinions'])
    expect(fields(validateReview({ ...fund, budgetReasonable: false }, [{ signedOff: false }]))).toEqual(['decision'])
    expect(fields(validateReview({ ...fund, resolvableByPolicy: true }, [{ signedOff: false }]))).toEqual(['resolvableByPolicy'])
    const policy = { ...emptyReview(), decision: 'PolicyReferral' as const, opinion: '转办' }
    expect(fields(validateReview(policy, [{ signedOff: false }]))).toEqual(['resolvableByPolicy', 'policyDepartment', 'policyContact', 'departmentOpinions'])
    expect(fields(validateReview(emptyReview(), []))).toEqual(['decision', 'opinion'])
    expect(reviewRequest({ ...fund, policyDepartment: '不发送' }, 7)).toEqual({
      consultationCompliant: true, budgetReasonable: true, routeFeasible: true, resolvableByPolicy: false, decision: 'ProgrammeFunding',
      opinion: '同意', policyDepartment: null, policyContact: null, lateReason: null, version: 7,
    })
  })

  it('needs the minimum days of publicity, counted with both ends, from today on', () => {
    const m = { from: '2026-11-23', to: '2026-11-27', platforms: ['WeChatAccount' as const] }
    expect(validatePublish(m, 5, '2026-11-23')).toEqual([])
    expect(validatePublish({ ...m, to: '2026-11-26' }, 5, '2026-11-23')[0]).toMatchObject({ field: 'to', code: 'too_short' })
    expect(validatePublish(m, 5, '2026-11-24')[0]).toMatchObject({ field: 'from', code: 'in_past' })
    expect(publishRequest(m, 2)).toEqual({ from: '2026-11-23', to: '2026-11-27', platforms: ['WeChatAccount'], version: 2 })
  })
})

describe('survey', () => {
  it('needs all seven aspects', () => {
    expect(validateSurvey(emptySurvey())).toHaveLength(7)
    const full = { ...emptySurvey(), overall: 'VerySatisfied', quality: 'Satisfied', effect: 'Satisfied', attitude: 'FairlySatisfied', efficiency: 'Satisfied', closeness: 'Dissatisfied', openness: 'VeryDissatisfied', suggestion: ' ', signature: '张' } as const
    expect(validateSurvey({ ...full })).toEqual([])
    expect(surveyRequest({ ...full })).toMatchObject({ overall: 'VerySatisfied', openness: 'VeryDissatisfied', suggestion: null, signature: '张' })
  })
})

describe('completion form', () => {
  function filled(): CompletionModel {
    const m = emptyCompletion()
    return {
      ...m, periodFrom: '2026-12-01', periodTo: '2027-01-15', beneficiaries: '岗贝社区居民', beneficiaryCount: 3000,
      budgeted: { programme: '10', village: '1.5', social: '0.5' }, actual: { programme: '9.8', village: '1.5', social: '0.3456' },
      works: { content: '更换路灯', unit: '盏', plannedQuantity: 40, actualQuantity: 40 }, outcomePhotoIds: ['p1'],
    }
  }

  it('splits the money in 万元 into fen and sends the works section of a convenience works project', () => {
    const body = completionRequest(filled(), 'ConvenienceWorks', 5)
    expect(body.budgeted).toEqual({ programmeFen: 10_000_000, villageFen: 1_500_000, socialFen: 500_000 })
    expect(body.actual).toEqual({ programmeFen: 9_800_000, villageFen: 1_500_000, socialFen: 345_600 })
    expect(body.works).toEqual({ content: '更换路灯', unit: '盏', plannedQuantity: 40, actualQuantity: 40 })
    expect(body.service).toBeNull()
    expect(validateCompletion(filled(), 'ConvenienceWorks', 12_000_000)).toEqual([])
  })

  it('sends the service section for a welfare service', () => {
    const m = { ...filled(), service: { time: '每周六', place: '活动室', participants: 60 } }
    const body = completionRequest(m, 'WelfareService', 1)
    expect(body.works).toBeNull()
    expect(body.service).toEqual({ time: '每周六', place: '活动室', participants: 60 })
    expect(fields(validateCompletion({ ...m, service: { time: '', place: '', participants: null } }, 'WelfareService', 12_000_000))).toEqual([
      'service.time', 'service.place', 'service.participants',
    ])
  })

  it('wants the budgeted split to add up to the project budget', () => {
    const errs = validateCompletion(filled(), 'ConvenienceWorks', 13_000_000)
    expect(errs).toHaveLength(1)
    expect(errs[0]).toMatchObject({ field: 'budgeted', code: 'sum_mismatch' })
    expect(errs[0].zh).toContain('13.00 万元')
    expect(fields(validateCompletion({ ...filled(), actual: { programme: 'x', village: '', social: '-1' } }, 'ConvenienceWorks', 12_000_000))).toEqual([
      'actual.programmeFen', 'actual.villageFen', 'actual.socialFen',
    ])
    expect(fields(validateCompletion(emptyCompletion(), 'ConvenienceWorks', null))).toEqual([
      'periodFrom', 'periodTo', 'beneficiaries', 'beneficiaryCount', 'budgeted.programmeFen', 'actual.programmeFen', 'works.content', 'works.unit',
      'works.plannedQuantity', 'works.actualQuantity', 'outcomePhotoIds',
    ])
  })

  it('lists the attachments the form needs and which are uploaded', () => {
    const have = [{ kind: 'Contract' as const }, { kind: 'Photo' as const }, { kind: 'Invoice' as const }]
    expect(attachmentChecklist(have, false)).toEqual([
      { kind: 'StampedRegistrationForm', uploaded: false },
      { kind: 'Contract', uploaded: true },
      { kind: 'Invoice', uploaded: true },
    ])
    expect(attachmentChecklist(have, true).map((c) => c.kind)).toEqual([
      'StampedRegistrationForm', 'Contract', 'Invoice', 'ProcurementFiling', 'TenderDocuments', 'SupplierQualification', 'TaxRegistration',
    ])
  })
})
