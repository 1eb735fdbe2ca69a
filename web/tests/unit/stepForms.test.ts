import { describe, expect, it } from 'vitest'
import {
  appealRequest,
  attachmentChecklist,
  capExceeded,
  committeeRequest,
  completionRequest,
  consultationRequest,
  directBelowHint,
  emptyAppeal,
  emptyCompletion,
  emptyConsultation,
  emptyFinalAccounts,
  emptyRegistration,
  emptyReview,
  emptySurvey,
  emptyWishFields,
  finalAccountsRequest,
  fundingChannelsFor,
  fundingSentence,
  platformsLeftOut,
  validateCommission,
  validateFinalAccounts,
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
  type ReviewModel,
} from '@/utils/stepForms'
import { linkedPlatforms } from '@/api/projects'

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
      appellantPhone: null, collection: 'Daily', wish: null,
    })
  })

  // R-MW-06: a wish from any channel goes straight to the town's verification, with its own fields.
  it('sends a wish entered on the console with its fields and never as concentrated collection', () => {
    const m = {
      ...emptyAppeal('v1'), channel: 'GridWorker' as const, title: '独居老人需要助行器', description: '腿脚不便', category: 'ConvenienceWorks' as const,
      collection: 'Concentrated' as const, kind: 'MicroWish' as const,
      wish: { ...emptyWishFields(), kind: 'SpecialGroupAid' as const, targetGroup: 'LonelyElderly', assistanceType: 'ElderlySupport', serviceType: 'Counselling',
        beneficiaryName: ' 陈伯 ', beneficiaryIdNumber: '44190019450101123x', household: '', requestedYuan: '800.5' },
    }
    expect(validateAppeal(m)).toEqual([])
    expect(appealRequest(m)).toMatchObject({
      category: null, collection: 'Daily',
      wish: {
        wishKind: 'SpecialGroupAid', targetGroup: 'LonelyElderly', assistanceType: 'ElderlySupport', serviceType: null, need: '独居老人需要助行器',
        beneficiaryName: '陈伯', beneficiaryIdNumber: '44190019450101123x', household: null, requestedFen: 80_050,
      },
    })
    // The wish's fields are checked under the API's names (CreateWish.CheckDetails with the prefix wish.).
    const bare = { ...m, wish: { ...emptyWishFields(), kind: 'SpecialGroupAid' as const, beneficiaryIdNumber: '123', requestedYuan: '1.234' } }
    expect(fields(validateAppeal(bare))).toEqual(['wish.targetGroup', 'wish.assistanceType', 'wish.beneficiaryIdNumber', 'wish.requestedFen'])
    expect(fields(validateAppeal({ ...m, wish: emptyWishFields() }))).toEqual(['wish.wishKind'])
    // A project entered after a wish was started sends no wish.
    expect(appealRequest({ ...m, kind: 'MicroProject' })).toMatchObject({ category: 'ConvenienceWorks', collection: 'Concentrated', wish: null })
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

  // R-RT-02: below the programme's direct-route hint the village says why the item still needs society's help.
  it('asks for the reason of a direct route below the hint, and sends it only for the direct route', () => {
    const now = new Date('2026-11-24T00:00:00Z')
    const direct = { ...passedConsultation(), route: 'Direct' as const, budgetWan: '3' }
    expect(directBelowHint(direct, 5_000_000)).toBe(true)
    expect(directBelowHint({ ...direct, budgetWan: '5' }, 5_000_000)).toBe(false)
    expect(directBelowHint(direct, null)).toBe(false)
    const refused = validateConsultation(direct, { feasibilityRequired: false, now, directRouteHintFen: 5_000_000 })
    expect(refused).toEqual([expect.objectContaining({ field: 'directRouteReason', code: 'direct_below_hint' })])
    expect(refused[0].zh).toContain('5.00 万元')
    expect(validateConsultation({ ...direct, directRouteReason: '需爱心企业捐赠设备' }, { feasibilityRequired: false, now, directRouteHintFen: 5_000_000 })).toEqual([])
    expect(consultationRequest({ ...direct, directRouteReason: ' 需爱心企业捐赠设备 ' }, 1)).toMatchObject({ directRouteReason: '需爱心企业捐赠设备', expressForm: null })
    expect(consultationRequest({ ...passedConsultation(), directRouteReason: '不发送' }, 1).directRouteReason).toBeNull()
  })

  // R-RT-05: a convenience work may not take the station route; R-RT-01: an express item's form, a pairing with its unit.
  it('refuses the station route for a convenience work and asks a pairing for its unit', () => {
    const now = new Date('2026-11-24T00:00:00Z')
    const station = { ...passedConsultation(), route: 'Station' as const }
    expect(validateConsultation(station, { feasibilityRequired: false, now, category: 'ConvenienceWorks' })[0]).toMatchObject({ field: 'route', code: 'station_services_only' })
    expect(validateConsultation(station, { feasibilityRequired: false, now, category: 'WelfareService' })).toEqual([])
    expect(consultationRequest(passedConsultation(), 1)).toMatchObject({ expressForm: 'DirectImplementation', pairedUnit: null })
    const pairing = { ...passedConsultation(), expressForm: 'Pairing' as const }
    expect(fields(validateConsultation(pairing, { feasibilityRequired: false, now }))).toEqual(['pairedUnit'])
    expect(consultationRequest({ ...pairing, pairedUnit: ' 东城街道财政分局 ' }, 1)).toMatchObject({ expressForm: 'Pairing', pairedUnit: '东城街道财政分局' })
  })
})

describe('registration', () => {
  const m = {
    ...emptyRegistration(), name: '路灯更换', subType: 'PublicFacilities' as const, content: '', source: 'Residents' as const, location: '岗贝社区',
    contactName: '王五', contactTitle: '委员', contactPhone: '0769-1234567', capOverrideReason: '  ',
  }
  const large = { overCap: false, small: false }

  it('knows the cap of the sub-type’s category and the threshold', () => {
    expect(capExceeded(12_000_000, 'PublicFacilities', rules)).toBeNull()
    expect(capExceeded(25_000_000, 'ElderlyCare', rules)).toEqual({ category: 'WelfareService', capFen: 20_000_000 })
    expect(capExceeded(25_000_000, 'LivingEnvironment', rules)).toBeNull()
    expect(capExceeded(25_000_000, null, rules)).toBeNull()
    expect(isSmallBudget(4_999_999, rules)).toBe(true)
    expect(isSmallBudget(5_000_000, rules)).toBe(false)
  })

  it('asks for the override reason only over the cap and sends it only then', () => {
    expect(validateRegistration(m, large)).toEqual([])
    expect(fields(validateRegistration(m, { ...large, overCap: true }))).toEqual(['capOverrideReason'])
    expect(registrationRequest({ ...m, capOverrideReason: '理由' }, 4, large).capOverrideReason).toBeNull()
    expect(registrationRequest({ ...m, capOverrideReason: '理由' }, 4, { ...large, overCap: true })).toMatchObject({
      capOverrideReason: '理由', content: null, version: 4, policyCheck: null,
    })
    expect(fields(validateRegistration({ ...m, name: '', subType: null, source: null, location: '', contactName: '', contactTitle: '', contactPhone: '' }, large))).toEqual([
      'name', 'subType', 'source', 'location', 'contactName', 'contactTitle', 'contactPhone',
    ])
  })

  // R-IN-05, R-MS-16: a project under the threshold is not reviewed by the town; the village's filing carries its own policy check.
  it('asks a small project for the village’s policy check and sends it; a large one sends none', () => {
    const small = { overCap: false, small: true }
    expect(fields(validateRegistration(m, small))).toEqual(['policyCheck.resolvableByPolicy'])
    const notResolvable = { ...m, policyCheck: { resolvableByPolicy: false, policyId: null, policyDepartment: '住建局', policyContact: '1', note: ' 对照清单无相关政策 ' } }
    expect(validateRegistration(notResolvable, small)).toEqual([])
    // The department typed and then abandoned is not sent with a check that found no policy.
    expect(registrationRequest(notResolvable, 2, small).policyCheck).toEqual({
      resolvableByPolicy: false, policyId: null, policyDepartment: null, policyContact: null, note: '对照清单无相关政策',
    })
    expect(registrationRequest(notResolvable, 2, large).policyCheck).toBeNull()
    // Resolvable: the department and contact are needed unless a catalogue policy names them.
    const resolvable = { ...m, policyCheck: { resolvableByPolicy: true, policyId: null, policyDepartment: '', policyContact: ' ', note: '' } }
    expect(fields(validateRegistration(resolvable, small))).toEqual(['policyCheck.policyDepartment', 'policyCheck.policyContact'])
    const withPolicy = { ...resolvable, policyCheck: { ...resolvable.policyCheck, policyId: 'pol-1' } }
    expect(validateRegistration(withPolicy, small)).toEqual([])
    expect(registrationRequest({ ...withPolicy, policyCheck: { ...withPolicy.policyCheck, policyDepartment: '东城街道社会事务局', policyContact: '0769-1' } }, 2, small).policyCheck).toEqual({
      resolvableByPolicy: true, policyId: 'pol-1', policyDepartment: '东城街道社会事务局', policyContact: '0769-1', note: null,
    })
  })

  // R-RT-05: the station route serves public-welfare services; a convenience work chosen at filing is refused like the API does.
  it('refuses a convenience work on the station route', () => {
    expect(validateRegistration(m, { ...large, route: 'Station' })[0]).toMatchObject({ field: 'subType', code: 'station_services_only' })
    expect(validateRegistration({ ...m, subType: 'ElderlyCare' }, { ...large, route: 'Station' })).toEqual([])
  })
})

describe('review and publicity', () => {
  const answered = (r: Partial<ReviewModel> = {}): ReviewModel => ({
    ...emptyReview(), consultationCompliant: true, budgetReasonable: true, routeFeasible: true, resolvableByPolicy: false, opinion: '同意', ...r,
  })

  // R-MS-08: the four checks start unset, and each must be answered.
  it('starts the four checks unset and needs each answered', () => {
    const r = emptyReview()
    expect([r.consultationCompliant, r.budgetReasonable, r.routeFeasible, r.resolvableByPolicy]).toEqual([undefined, undefined, undefined, undefined])
    expect(fields(validateReview(emptyReview(), []))).toEqual(['consultationCompliant', 'budgetReasonable', 'routeFeasible', 'resolvableByPolicy', 'decision', 'opinion'])
    expect(reviewRequest(emptyReview(), 1)).toMatchObject({ consultationCompliant: null, budgetReasonable: null, routeFeasible: null, resolvableByPolicy: null })
  })

  it('checks the decision against the four checks like the API', () => {
    const fund = answered({ decision: 'ProgrammeFunding', funding: 'VillageProgrammeFund' })
    expect(validateReview(fund, [{ signedOff: false }])).toEqual([])
    expect(fields(validateReview(fund, []))).toEqual(['departmentOpinions'])
    expect(fields(validateReview({ ...fund, budgetReasonable: false }, [{ signedOff: false }]))).toEqual(['decision'])
    expect(fields(validateReview({ ...fund, resolvableByPolicy: true }, [{ signedOff: false }]))).toEqual(['resolvableByPolicy'])
    const policy = answered({ decision: 'PolicyReferral', opinion: '转办', funding: 'FinanceBudget' })
    expect(fields(validateReview(policy, [{ signedOff: false }]))).toEqual(['resolvableByPolicy', 'policyDepartment', 'policyContact', 'departmentOpinions'])
    // A policy of the catalogue names its department and contact (the API fills them in).
    expect(fields(validateReview({ ...policy, resolvableByPolicy: true, policyId: 'pol-1' }, [{ signedOff: true }]))).toEqual([])
    expect(reviewRequest({ ...fund, policyDepartment: '不发送', fundingPayer: ' 岗贝社区 ' }, 7)).toEqual({
      consultationCompliant: true, budgetReasonable: true, routeFeasible: true, resolvableByPolicy: false, decision: 'ProgrammeFunding',
      opinion: '同意', policyId: null, policyDepartment: null, policyContact: null, lateReason: null, version: 7, funding: 'VillageProgrammeFund',
      fundingPayer: '岗贝社区',
    })
  })

  // R-MS-20: the town's opinion names where the money comes from: programme funding never from a finance budget, a referral only from one.
  it('asks where the money comes from and says it as the registration form prints it', () => {
    expect(fundingChannelsFor('ProgrammeFunding')).toEqual(['VillageProgrammeFund', 'SocialDonation'])
    expect(fundingChannelsFor('PolicyReferral')).toEqual(['FinanceBudget'])
    expect(fundingChannelsFor('ReturnToVillage')).toEqual([])
    const fund = answered({ decision: 'ProgrammeFunding' })
    expect(validateReview(fund, [{ signedOff: false }])[0]).toMatchObject({ field: 'funding', code: 'required' })
    expect(validateReview({ ...fund, funding: 'FinanceBudget' }, [{ signedOff: false }])[0]).toMatchObject({ field: 'funding', code: 'not_programme' })
    const policy = answered({ decision: 'PolicyReferral', resolvableByPolicy: true, policyDepartment: '民政', policyContact: '1', funding: 'SocialDonation' })
    expect(validateReview(policy, [{ signedOff: true }])[0]).toMatchObject({ field: 'funding', code: 'policy_budget' })
    // A return or a rejection pays nothing: no funding is asked or sent.
    const back = answered({ decision: 'ReturnToVillage', funding: 'SocialDonation', fundingPayer: 'x' })
    expect(validateReview(back, [])).toEqual([])
    expect(reviewRequest(back, 1)).toMatchObject({ funding: null, fundingPayer: null })
    // A donation has no payer to name.
    expect(reviewRequest({ ...fund, funding: 'SocialDonation', fundingPayer: '岗贝社区' }, 1)).toMatchObject({ funding: 'SocialDonation', fundingPayer: null })
    const places = { town: '东城街道', village: '岗贝社区' }
    expect(fundingSentence('FinanceBudget', '', places)).toBe('所需经费从东城街道财政预算中列支')
    expect(fundingSentence('FinanceBudget', '东莞市', places)).toBe('所需经费从东莞市财政预算中列支')
    expect(fundingSentence('VillageProgrammeFund', null, places)).toBe('所需经费从岗贝社区“民生大莞家”专项资金中列支')
    expect(fundingSentence('SocialDonation', '谁', places)).toBe('所需经费由社会捐赠解决')
    expect(fundingSentence(null, null, places)).toBe('')
    expect(fundingSentence('VillageProgrammeFund', null, places, 'en-US')).toBe('Paid from the Guanjia programme fund of 岗贝社区')
  })

  it('needs the minimum days of publicity, counted with both ends, from today on', () => {
    const m = { from: '2026-11-23', to: '2026-11-27', platforms: [...linkedPlatforms], platformOverrideReason: '' }
    expect(validatePublish(m, 5, '2026-11-23')).toEqual([])
    expect(validatePublish({ ...m, to: '2026-11-26' }, 5, '2026-11-23')[0]).toMatchObject({ field: 'to', code: 'too_short' })
    expect(validatePublish(m, 5, '2026-11-24')[0]).toMatchObject({ field: 'from', code: 'in_past' })
    expect(publishRequest(m, 2)).toEqual({ from: '2026-11-23', to: '2026-11-27', platforms: linkedPlatforms, version: 2, platformOverrideReason: null })
  })

  // R-MS-11: a confirmed project publishes on all five linked platforms; leaving one out is an override with its reason.
  it('publishes a confirmed project on every linked platform unless a reason says why not', () => {
    expect(linkedPlatforms).toEqual(['Hotline12345Portal', 'WeChatAccount', 'CivilAffairsWebsite', 'CommunityPlatform', 'VillageNoticeBoard'])
    const board = { from: '2026-11-23', to: '2026-11-27', platforms: ['VillageNoticeBoard' as const], platformOverrideReason: ' ' }
    expect(platformsLeftOut(board, false)).toEqual(['Hotline12345Portal', 'WeChatAccount', 'CivilAffairsWebsite', 'CommunityPlatform'])
    const refused = validatePublish(board, 5, '2026-11-23')
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({ field: 'platforms', code: 'platform_left_out' })
    expect(refused[0].zh).toContain('“12345”政府服务热线门户网站')
    expect(validatePublish({ ...board, platformOverrideReason: '网站维护中' }, 5, '2026-11-23')).toEqual([])
    expect(publishRequest({ ...board, platformOverrideReason: ' 网站维护中 ' }, 3).platformOverrideReason).toBe('网站维护中')
    // A small project's own village publicity leaves nothing out, and sends no reason.
    expect(platformsLeftOut(board, true)).toEqual([])
    expect(validatePublish(board, 5, '2026-11-23', true)).toEqual([])
    expect(publishRequest({ ...board, platformOverrideReason: '不发送' }, 3, true).platformOverrideReason).toBeNull()
    expect(validatePublish({ ...board, platforms: [] }, 5, '2026-11-23', true)[0]).toMatchObject({ field: 'platforms', code: 'required' })
  })
})

describe('survey', () => {
  it('needs all seven aspects', () => {
    expect(validateSurvey(emptySurvey())).toHaveLength(7)
    const full = { ...emptySurvey(), overall: 'VerySatisfied', quality: 'Satisfied', effect: 'Satisfied', attitude: 'FairlySatisfied', efficiency: 'Satisfied', closeness: 'Dissatisfied', openness: 'VeryDissatisfied', suggestion: ' ', signature: '张' } as const
    expect(validateSurvey({ ...full })).toEqual([])
    expect(surveyRequest({ ...full })).toMatchObject({ overall: 'VerySatisfied', openness: 'VeryDissatisfied', suggestion: null, signature: '张' })
  })

  // R-MS-14: the questionnaire's optional eighth row 其他: a level for what the respondent names; an aspect named needs its level.
  it('sends the optional 其他 row only with its level', () => {
    const full = { ...emptySurvey(), overall: 'Satisfied', quality: 'Satisfied', effect: 'Satisfied', attitude: 'Satisfied', efficiency: 'Satisfied', closeness: 'Satisfied', openness: 'Satisfied' } as const
    expect(surveyRequest({ ...full })).toMatchObject({ other: null, otherAspect: null })
    expect(surveyRequest({ ...full, other: 'VerySatisfied', otherAspect: ' 文明施工 ' })).toMatchObject({ other: 'VerySatisfied', otherAspect: '文明施工' })
    // A level without an aspect is allowed (the row is 其他 itself); an aspect without a level is not, and is not sent.
    expect(validateSurvey({ ...full, other: 'Dissatisfied' })).toEqual([])
    expect(validateSurvey({ ...full, otherAspect: '噪音' })).toEqual([expect.objectContaining({ field: 'other', code: 'required' })])
    expect(surveyRequest({ ...full, otherAspect: '噪音' })).toMatchObject({ other: null, otherAspect: null })
  })
})

// R-MS-19: the town's final accounts and audit of a closed project, the audit report uploaded first.
describe('final accounts', () => {
  it('sends the final amount in fen with the audit and its report, and asks for each', () => {
    expect(fields(validateFinalAccounts(emptyFinalAccounts()))).toEqual(['finalAccountsFen', 'auditBody', 'auditResult', 'effect', 'auditReportId'])
    const m = { finalAccountsWan: '2.85', auditBody: ' 东莞市某会计师事务所 ', auditResult: '资金使用合规', effect: '照明改善', auditReportId: 'att-9', lateReason: '' }
    expect(validateFinalAccounts(m)).toEqual([])
    expect(finalAccountsRequest(m, 6)).toEqual({
      finalAccountsFen: 2_850_000, auditBody: '东莞市某会计师事务所', auditResult: '资金使用合规', effect: '照明改善', auditReportId: 'att-9', lateReason: null, version: 6,
    })
    // Zero is a final amount; a negative or unreadable one is not.
    expect(validateFinalAccounts({ ...m, finalAccountsWan: '0' })).toEqual([])
    expect(fields(validateFinalAccounts({ ...m, finalAccountsWan: '-1' }))).toEqual(['finalAccountsFen'])
    expect(fields(validateFinalAccounts({ ...m, finalAccountsWan: 'abc' }))).toEqual(['finalAccountsFen'])
    expect(finalAccountsRequest({ ...m, finalAccountsWan: '' }, 1).finalAccountsFen).toBeNull()
  })
})

// R-MS-18: the town commissions a registered evaluator, once at a time.
describe('survey commission', () => {
  it('needs an evaluator not already commissioned', () => {
    expect(fields(validateCommission({ evaluatorId: null, note: '' }, []))).toEqual(['evaluatorId'])
    const rows = [{ evaluatorId: 'e1', withdrawnAt: null }, { evaluatorId: 'e2', withdrawnAt: '2026-11-20T00:00:00Z' }]
    expect(validateCommission({ evaluatorId: 'e1', note: '' }, rows)[0].code).toBe('already_commissioned')
    // One withdrawn may be commissioned again.
    expect(validateCommission({ evaluatorId: 'e2', note: '' }, rows)).toEqual([])
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
