import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { claimItemStates, claimantKinds } from '@/api/claims'
import { exportUrl, officeFormat, projectDocumentUrl } from '@/api/documents'
import { useCountdown } from '@/composables/useCountdown'
import { fileNameOf } from '@/composables/useDownload'
import zhCN from '@/i18n/zh-CN'
import enUS from '@/i18n/en-US'
import {
  claimRequest,
  claimStateTag,
  fenToYuanText,
  needsCreditCode,
  secondsUntil,
  validateClaim,
  validateSurvey,
  yuanTextToFen,
  type ClaimFormModel,
} from '@/utils/claimForm'

describe('元 ↔ fen', () => {
  it('reads 元 by its decimal digits, exactly', () => {
    expect(yuanTextToFen('1200')).toBe(120_000)
    expect(yuanTextToFen('1,200.5')).toBe(120_050)
    expect(yuanTextToFen('0.01')).toBe(1)
    expect(yuanTextToFen('0.1')).toBe(10)
    expect(yuanTextToFen(' 19.99 ')).toBe(1_999)
    expect(yuanTextToFen('80000')).toBe(8_000_000)
    expect(yuanTextToFen(0.3)).toBe(30) // not 29.999…
  })
  it('refuses what is not money: empty, negative, more than two decimals, words, exponents', () => {
    for (const bad of ['', ' ', '-5', '1.234', 'abc', '1e3', '.5', null, undefined, Number.NaN]) expect(yuanTextToFen(bad as string)).toBeNaN()
  })
  it('writes fen back as 元 text without trailing zeros', () => {
    expect(fenToYuanText(120_050)).toBe('1200.5')
    expect(fenToYuanText(100)).toBe('1')
    expect(fenToYuanText(1)).toBe('0.01')
    expect(fenToYuanText(null)).toBe('')
    for (const fen of [0, 1, 99, 100, 12_345, 8_000_000]) expect(yuanTextToFen(fenToYuanText(fen))).toBe(fen)
  })
})

describe('the resend countdown', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') }))
  afterEach(() => vi.useRealTimers())

  it('counts whole seconds up to resendAfter, rounded up', () => {
    const now = new Date('2026-11-23T10:00:00Z')
    expect(secondsUntil('2026-11-23T10:01:00Z', now)).toBe(60)
    expect(secondsUntil('2026-11-23T10:00:00.200Z', now)).toBe(1)
    expect(secondsUntil('2026-11-23T09:59:00Z', now)).toBe(0)
    expect(secondsUntil(null, now)).toBe(0)
    expect(secondsUntil('not a date', now)).toBe(0)
  })

  it('ticks down once a second and opens the button at zero', async () => {
    let api!: ReturnType<typeof useCountdown>
    const C = defineComponent({
      setup() {
        api = useCountdown()
        return () => h('span', String(api.left.value))
      },
    })
    const w = mount(C)
    api.start('2026-11-23T10:01:00Z')
    await nextTick()
    expect(w.text()).toBe('60')
    expect(api.running.value).toBe(true)
    vi.advanceTimersByTime(15_000)
    await nextTick()
    expect(w.text()).toBe('45')
    vi.advanceTimersByTime(45_000)
    await nextTick()
    expect(api.left.value).toBe(0)
    expect(api.running.value).toBe(false)
    w.unmount()
  })

  it('falls back to 60 seconds when the answer has no resendAfter (e.g. a 429)', () => {
    let api!: ReturnType<typeof useCountdown>
    mount(defineComponent({ setup: () => ((api = useCountdown()), () => h('i')) }))
    api.start(null)
    expect(api.left.value).toBe(60)
  })
})

const base: ClaimFormModel = {
  claimantKind: 'Enterprise',
  name: '东莞市爱心科技有限公司',
  creditCode: '91441900MA4UXXXX1X',
  contactName: '王经理',
  phone: '13912345678',
  code: '123456',
  amountYuan: '',
  note: '',
}
type Item = Parameters<typeof validateClaim>[1]
const whole: Item = { allowsShares: false, minimumShareFen: null, remainingFen: 8_000_000 }
const shared: Item = { allowsShares: true, minimumShareFen: 1_000_000, remainingFen: 8_000_000 }
const fields = (f: ClaimFormModel, item: Item = whole) => validateClaim(f, item).map((p) => `${p.field}:${p.code}`)

describe('the claim form', () => {
  it('passes a complete organisation claim of the whole item', () => {
    expect(fields(base)).toEqual([])
  })
  it('names each missing or malformed field', () => {
    expect(fields({ ...base, claimantKind: undefined, name: ' ', contactName: '', phone: '1391234', code: '' })).toEqual([
      'claimantKind:required',
      'name:required',
      'contactName:required',
      'phone:format',
      'code:required',
    ])
  })
  it('asks organisations, not donors, for the 18-character credit code', () => {
    expect(fields({ ...base, creditCode: '' })).toEqual(['creditCode:required'])
    expect(fields({ ...base, creditCode: '91441900MA4UXXXX1' })).toEqual(['creditCode:format'])
    expect(fields({ ...base, creditCode: '91441900MA4UXXXXIO' })).toEqual(['creditCode:format']) // I and O are not used
    expect(fields({ ...base, claimantKind: 'Donor', creditCode: '' })).toEqual([])
    expect(needsCreditCode('SocialOrganization')).toBe(true)
    expect(needsCreditCode('Donor')).toBe(false)
  })
  it('checks a share against the remaining amount and the minimum', () => {
    expect(fields({ ...base, amountYuan: '' }, shared)).toEqual(['amountFen:required'])
    expect(fields({ ...base, amountYuan: '0' }, shared)).toEqual(['amountFen:format'])
    expect(fields({ ...base, amountYuan: '12.345' }, shared)).toEqual(['amountFen:format'])
    expect(fields({ ...base, amountYuan: '80000.01' }, shared)).toEqual(['amountFen:over_remaining'])
    expect(fields({ ...base, amountYuan: '9999.99' }, shared)).toEqual(['amountFen:below_minimum'])
    expect(fields({ ...base, amountYuan: '10000' }, shared)).toEqual([])
  })
  it('sends fen for shares, nothing for a whole item, and no credit code for a donor', () => {
    expect(claimRequest({ ...base, amountYuan: '12,000.50' }, true).amountFen).toBe(1_200_050)
    expect(claimRequest({ ...base, amountYuan: '12000' }, false).amountFen).toBeNull()
    const donor = claimRequest({ ...base, claimantKind: 'Donor', creditCode: 'x', note: '  ' }, false)
    expect(donor.creditCode).toBeNull()
    expect(donor.note).toBeNull()
    expect(claimRequest({ ...base, creditCode: ' 91441900ma4uxxxx1x ' }, false).creditCode).toBe('91441900MA4UXXXX1X')
  })
})

describe('the survey form', () => {
  const all = { overall: 'Satisfied', quality: 'Satisfied', effect: 'VerySatisfied', attitude: 'Satisfied', efficiency: 'FairlySatisfied', closeness: 'Satisfied', openness: 'Dissatisfied' } as const
  it('needs all seven aspects, a mobile number and the code', () => {
    expect(validateSurvey({ ...all }, '13912345678', '123456')).toEqual([])
    expect(validateSurvey({ ...all, quality: null, openness: undefined }, '139', '').map((p) => p.field)).toEqual(['quality', 'openness', 'phone', 'code'])
  })
})

describe('labels', () => {
  it('has a Chinese and an English label for every claim state and claimant kind', () => {
    for (const s of claimItemStates) {
      expect(zhCN.claimEnums.state[s]).toBeTruthy()
      expect(enUS.claimEnums.state[s]).toBeTruthy()
    }
    for (const k of claimantKinds) expect(zhCN.claimEnums.kind[k]).toMatch(/爱心|社会组织/)
    expect(zhCN.claimEnums.state.Open).toBe('认领中')
  })
  it('colours the states', () => {
    expect(claimStateTag('Open')).toBe('primary')
    expect(claimStateTag('Returned')).toBe('danger')
    expect(claimStateTag('AwaitingPublication')).toBe('warning')
    expect(claimStateTag('Whatever')).toBe('info')
  })
})

describe('documents and exports', () => {
  it('builds the document and export addresses', () => {
    expect(projectDocumentUrl('p1', 'registration-form', officeFormat('registration-form'))).toBe('/api/micro-projects/p1/documents/registration-form.docx')
    expect(officeFormat('survey-results')).toBe('xlsx')
    expect(exportUrl('appeals', 'csv', { state: 'Received', q: '', page: 2, pageSize: 20 })).toBe('/api/exports/appeals.csv?state=Received')
  })
  it('takes the Chinese file name from filename*', () => {
    const h = `attachment; filename="MS2026-000123.docx"; filename*=UTF-8''${encodeURIComponent('登记备案表-MS2026-000123.docx')}`
    expect(fileNameOf(h, 'x')).toBe('登记备案表-MS2026-000123.docx')
    expect(fileNameOf('attachment; filename="a.csv"', 'x')).toBe('a.csv')
    expect(fileNameOf(null, 'x')).toBe('x')
  })
})

describe('the claim page', () => {
  it('drops a field error as soon as its input changes (the amount typed in 元 clears amountFen)', async () => {
    const { reactive, toRef, toRefs } = await import('vue')
    const { useFormErrors } = await import('@/composables/useApiErrors')
    const { localValidation } = await import('@/api/problem')
    const form = reactive({ code: '000000', amountYuan: '' })
    let errs!: ReturnType<typeof useFormErrors>
    mount(defineComponent({ setup: () => ((errs = useFormErrors(['code', 'amountFen'], reactive({ ...toRefs(form), amountFen: toRef(form, 'amountYuan') }))), () => h('i')) }))
    errs.take(localValidation([
      { field: 'code', code: 'wrong', zh: '验证码不正确', en: 'Wrong code' },
      { field: 'amountFen', code: 'required', zh: '请填写认领金额', en: 'Enter the amount' },
    ]))
    expect(errs.errors.value.code).toBe('验证码不正确')
    form.code = '463109'
    form.amountYuan = '100'
    await nextTick()
    expect(errs.errors.value.code).toBeUndefined()
    expect(errs.errors.value.amountFen).toBeUndefined()
  })
})
