import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import enUS from '@/i18n/en-US'
import { hostPlatforms, inclusiveServices, operatingModes } from '@/api/stations'
import { wishStates } from '@/api/wishes'
import {
  completeRequest, decideRequest, emptyComplete, emptyDecide, emptyRefer, emptyVerify, fenToYuanText, normaliseKeywords, policyModel, policyRequest,
  splitNames, stationModel, stationRequest, validateComplete, validateDecide, validatePolicy, validateRefer, validateServed, validateStation,
  validateVerify, verifyRequest, wishActionsFor, wishActionSpecs, yuanTextToFen,
} from '@/utils/serviceForms'
import { committeeRequest, emptyWishFields, validateCommittee } from '@/utils/stepForms'

const fields = (errs: { field: string }[]) => errs.map((e) => e.field)

describe('money typed in 元', () => {
  it('goes out as integer fen, exactly', () => {
    expect(yuanTextToFen('1200')).toBe(120000)
    expect(yuanTextToFen('1,200.5')).toBe(120050)
    expect(yuanTextToFen('0.1')).toBe(10)
    expect(yuanTextToFen('19.99')).toBe(1999)
    expect(yuanTextToFen(' ')).toBeNull()
  })
  it('refuses fractions of a fen and anything not an amount', () => {
    expect(yuanTextToFen('1.005')).toBeNaN()
    expect(yuanTextToFen('-5')).toBeNaN()
    expect(yuanTextToFen('abc')).toBeNaN()
  })
  it('comes back into the input without trailing zeros', () => {
    expect(fenToYuanText(120050)).toBe('1200.5')
    expect(fenToYuanText(120005)).toBe('1200.05')
    expect(fenToYuanText(300000)).toBe('3000')
    expect(fenToYuanText(null)).toBe('')
  })
})

describe('wish verification (R-MW-02)', () => {
  it('names every missing check, the departments and the outcome', () => {
    expect(fields(validateVerify(emptyVerify()))).toEqual(['authentic', 'reasonable', 'budgetSound', 'departments', 'outcome'])
  })
  it('goes on only when all three checks pass', () => {
    const m = { ...emptyVerify(), authentic: true, reasonable: false, budgetSound: true, departments: '社会事务局', outcome: 'Verified' as const }
    expect(validateVerify(m).map((e) => e.code)).toEqual(['checks_failed'])
    expect(validateVerify({ ...m, reasonable: true })).toEqual([])
  })
  it('needs the reason when rejecting and the department when referring without a policy', () => {
    const base = { ...emptyVerify(), authentic: false, reasonable: false, budgetSound: false, departments: '残联' }
    expect(fields(validateVerify({ ...base, outcome: 'Reject' }))).toEqual(['note'])
    const referral = { ...base, authentic: true, outcome: 'PolicyReferral' as const }
    expect(fields(validateVerify(referral))).toEqual(['policyDepartment', 'policyContact'])
    expect(validateVerify({ ...referral, policyId: 'p1' })).toEqual([])
  })
  // R-MW-02 (issue 12): only a wish verified as true goes to current policy; one that is not true is rejected.
  it('refers to current policy only a wish verified as true', () => {
    const base = { ...emptyVerify(), reasonable: true, budgetSound: false, departments: '残联', outcome: 'PolicyReferral' as const, policyId: 'p1' }
    expect(validateVerify({ ...base, authentic: false })).toEqual([expect.objectContaining({ field: 'outcome', code: 'policy_needs_true' })])
    expect(validateVerify({ ...base, authentic: true })).toEqual([])
  })
  it('sends the policy fields only for a referral, with the version', () => {
    const body = verifyRequest({ ...emptyVerify(), authentic: true, reasonable: true, budgetSound: true, departments: ' 社会事务局 ', outcome: 'Verified', policyDepartment: 'x' }, 3)
    expect(body).toMatchObject({ authentic: true, departments: '社会事务局', outcome: 'Verified', policyDepartment: null, note: null, version: 3 })
  })
})

describe('wish decision (R-MW-03, R-MW-04)', () => {
  const ok = { ...emptyDecide(), decisionBody: 'JointMeeting' as const, participants: '张三、李四', route: 'Express' as const, expressForm: 'DirectGrant' as const, amountYuan: '1500.5', assistanceForm: '发放生活物资' }
  it('converts the amount to fen and the participants to a list', () => {
    expect(validateDecide(ok, 'SpecialGroupAid')).toEqual([])
    expect(decideRequest(ok, 2)).toMatchObject({ amountFen: 150050, participants: ['张三', '李四'], expressForm: 'DirectGrant', version: 2 })
  })
  it('needs at least two participants, a form for express and more than 0 for special-group aid', () => {
    expect(fields(validateDecide({ ...ok, participants: '张三' }, 'SpecialGroupAid'))).toEqual(['participants'])
    expect(fields(validateDecide({ ...ok, expressForm: undefined }, 'SpecialGroupAid'))).toEqual(['expressForm'])
    expect(fields(validateDecide({ ...ok, amountYuan: '0' }, 'SpecialGroupAid'))).toEqual(['amountFen'])
    expect(validateDecide({ ...ok, amountYuan: '0' }, 'InclusiveService')).toEqual([])
    expect(validateDecide({ ...ok, amountYuan: '1.234' }, 'InclusiveService').map((e) => e.code)).toEqual(['invalid'])
  })
  it('drops the express form for another route and starts from the requested amount', () => {
    expect(decideRequest({ ...ok, route: 'Station' }, 1).expressForm).toBeNull()
    expect(emptyDecide(250000).amountYuan).toBe('2500')
  })
  it('refuses a decision time in the future', () => {
    const now = new Date('2026-11-23T08:00:00Z')
    expect(fields(validateDecide({ ...ok, decidedAt: new Date('2026-11-24T08:00:00Z') }, 'SpecialGroupAid', now))).toEqual(['decidedAt'])
  })
})

describe('wish completion', () => {
  it('never pays more than decided', () => {
    const m = { ...emptyComplete(100000), outcome: '已发放' }
    expect(validateComplete(m, 100000)).toEqual([])
    const over = validateComplete({ ...m, paidYuan: '1000.01' }, 100000)
    expect(over.map((e) => e.code)).toEqual(['over_decided'])
    expect(over[0].zh).toContain('1,000.00 元')
    expect(completeRequest({ ...m, paidYuan: '999.9' }, 4)).toMatchObject({ paidFen: 99990, outcome: '已发放', version: 4 })
  })
})

describe('wish actions', () => {
  it('keeps the process order and drops what the UI does not know', () => {
    expect(wishActionsFor(['Close', 'Verify', 'Claim'])).toEqual(['Verify', 'Close'])
  })
  it('become the shared side panel\'s buttons, each opening its own dialog', () => {
    expect(wishActionSpecs(['Complete', 'Decide', 'ConnectClaim'])).toEqual([
      { action: 'Decide', form: 'Decide', primary: true },
      { action: 'Complete', form: 'Complete', primary: true },
    ])
  })
})

describe('policy catalogue form', () => {
  it('needs every field and normalises the keywords', () => {
    expect(fields(validatePolicy(policyModel()))).toEqual(['name', 'department', 'contact', 'covers', 'keywords'])
    expect(normaliseKeywords('低保， 困难、低保 收入低')).toBe('低保,困难,收入低')
    const body = policyRequest({ ...policyModel(), name: '临时救助', keywords: '突发、火灾' }, 2)
    expect(body).toMatchObject({ name: '临时救助', keywords: '突发,火灾', version: 2, isActive: true })
    expect('version' in policyRequest(policyModel())).toBe(false)
  })
})

describe('station forms (R-ST-01, R-ST-02, R-ST-06, R-ST-08)', () => {
  it('needs host platform, place, head, a valid phone and a form of service', () => {
    expect(fields(validateStation(stationModel()))).toEqual(['name', 'hostPlatform', 'address', 'headName', 'headPhone', 'serviceForms'])
    const m = { ...stationModel(), name: '岗贝驿站', hostPlatform: 'Other' as const, address: '岗贝路1号', headName: '陈某', headPhone: 'abc', serviceForms: ['Venue' as const] }
    expect(fields(validateStation(m))).toEqual(['hostPlatformOther', 'headPhone'])
    expect(stationRequest({ ...m, hostPlatform: 'WomensHome', hostPlatformOther: 'x' }).hostPlatformOther).toBeNull()
  })
  it('a referral needs the point, the service, the resident and the need; the service is free', () => {
    expect(fields(validateRefer(emptyRefer()))).toEqual(['service', 'socialWorkPointId', 'residentName', 'residentPhone', 'need'])
    const today = new Date(2026, 10, 23)
    const served = { servedFrom: new Date(2026, 10, 20), servedTo: new Date(2026, 10, 19), summary: '面谈两次', freeOfCharge: false }
    expect(fields(validateServed(served, today))).toEqual(['servedTo', 'freeOfCharge'])
  })
  it('splits names on new lines and Chinese separators', () => {
    expect(splitNames('张三\n李四、王五，张三')).toEqual(['张三', '李四', '王五'])
  })
})

describe('labels', () => {
  it('every wish state, host platform, operating mode and service has a Chinese and an English label', () => {
    for (const s of wishStates) expect(zhCN.svcEnums.wishState[s]).toBeTruthy()
    for (const h of hostPlatforms) {
      expect(zhCN.svcEnums.hostPlatform[h]).toBeTruthy()
      expect(enUS.svcEnums.hostPlatform[h]).toBeTruthy()
    }
    for (const m of operatingModes) expect(zhCN.svcEnums.operatingMode[m]).toBeTruthy()
    for (const s of inclusiveServices) expect(zhCN.svcEnums.inclusiveService[s]).toBeTruthy()
  })
  it('the host platforms read as the guideline names them', () => {
    expect(zhCN.svcEnums.hostPlatform.PartyMassServiceCenter).toBe('“阳光雨”党群服务中心')
    expect(zhCN.svcEnums.operatingMode.Packaged).toBe('整体打包运作')
  })
})

describe('the committee makes a micro-wish (R-MW-01)', () => {
  const base = {
    meetingAt: new Date('2026-11-20T02:00:00Z'), outcome: 'MicroWish' as const, note: '', policyDepartment: 'x', policyContact: 'y', projectName: '助行器',
    category: null, lateReason: '', wish: emptyWishFields(),
  }
  it('needs the kind and what it is for', () => {
    const now = new Date('2026-11-23T02:00:00Z')
    expect(fields(validateCommittee(base, now))).toEqual(['wishKind'])
    expect(fields(validateCommittee({ ...base, wish: { ...emptyWishFields(), kind: 'SpecialGroupAid' } }, now))).toEqual(['targetGroup', 'assistanceType'])
    expect(fields(validateCommittee({ ...base, wish: { ...emptyWishFields(), kind: 'InclusiveService', serviceType: 'Counselling', beneficiaryIdNumber: '123' } }, now)))
      .toEqual(['beneficiaryIdNumber'])
  })
  it('sends the wish fields of its kind and the amount asked in fen', () => {
    const body = committeeRequest({
      ...base,
      wish: { ...emptyWishFields(), kind: 'InclusiveService', serviceType: 'Counselling', targetGroup: 'VeryOld', requestedYuan: '300.5', beneficiaryName: ' 林某 ' },
    }, 2)
    expect(body).toMatchObject({
      outcome: 'MicroWish', projectName: '助行器', wishKind: 'InclusiveService', serviceType: 'Counselling', targetGroup: null, requestedFen: 30050,
      beneficiaryName: '林某', policyDepartment: null, version: 2,
    })
  })
})
