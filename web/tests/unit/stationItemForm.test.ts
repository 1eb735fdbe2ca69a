import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import enUS from '@/i18n/en-US'
import { operatingModes, procurementMethods, type FilingView, type ItemView } from '@/api/stations'
import { filingDiffers, filingModel, filingRequest, itemModel, itemRequest, operatorChoice, validateFiling, validateItem, type ItemModel } from '@/utils/stationItemForm'

const fields = (errs: { field: string }[]) => errs.map((e) => e.field)
const today = '2026-11-23'
const ctx = { offered: ['Venue', 'ServiceTeam', 'ResourceLinking'] as const, hostOperatorId: null, today }

function filled(over: Partial<ItemModel> = {}): ItemModel {
  return {
    ...itemModel(null, 2026),
    title: ' 长者助餐服务 ', consultedOn: new Date(2026, 10, 20), mode: 'Free', serviceForms: ['Venue'], ...over,
  }
}

describe('station item form', () => {
  it('asks for title, consultation date, mode and forms of service before sending', () => {
    expect(fields(validateItem(itemModel(null, 2026), ctx))).toEqual(['title', 'consultedOn', 'mode', 'serviceForms'])
    expect(validateItem(filled(), ctx)).toEqual([])
  })

  it('a free service has no cost (R-ST-03) and goes out without amount, operator or candidates', () => {
    expect(fields(validateItem(filled({ amountYuan: '100' }), ctx))).toEqual(['amountFen'])
    const body = itemRequest(filled({ amountYuan: '', candidateContractors: 'A机构', operatorId: 'op' }), null)
    expect(body).toMatchObject({ title: '长者助餐服务', year: 2026, consultedOn: '2026-11-20', mode: 'Free', amountFen: null, operatorId: null, candidateContractors: [] })
    expect(body).not.toHaveProperty('version')
  })

  it('a purchased service names its candidates and its fee, sent in fen (R-ST-03), and links its filed project (R-ST-09)', () => {
    const m = filled({ mode: 'Purchased' })
    expect(fields(validateItem(m, ctx))).toEqual(['amountFen', 'microProjectId', 'candidateContractors'])
    m.microProjectId = 'project-1'
    m.amountYuan = '12,800.5'
    m.candidateContractors = '莞城社工中心\n东城义工联、 东城义工联'
    expect(validateItem(m, ctx)).toEqual([])
    expect(itemRequest(m, null)).toMatchObject({ amountFen: 1280050, candidateContractors: ['莞城社工中心', '东城义工联'], years: null, teamSize: null })
    expect(fields(validateItem({ ...m, amountYuan: '1.005' }, ctx))).toEqual(['amountFen'])
  })

  it('a packaged operation has amount, years, team and operator', () => {
    const m = filled({ mode: 'Packaged', amountYuan: '300000', microProjectId: 'project-1' })
    expect(fields(validateItem(m, ctx))).toEqual(['years', 'teamSize', 'operatorId'])
    Object.assign(m, { years: 3, teamSize: 6, operatorId: 'op-1', packagedOverrideReason: ' 项目集中 ' })
    expect(validateItem(m, ctx)).toEqual([])
    expect(itemRequest(m, null)).toMatchObject({ amountFen: 30000000, years: 3, teamSize: 6, operatorId: 'op-1', packagedOverrideReason: '项目集中' })
  })

  it('R-ST-04: the host platform’s operator takes the purchase, invited; another one needs a reason', () => {
    const host = { ...ctx, hostOperatorId: 'host' }
    const toHost = filled({ mode: 'Purchased', amountYuan: '500', operatorId: 'host', microProjectId: 'project-1' })
    expect(operatorChoice(toHost, 'host')).toEqual({ chosen: 'host', toHost: true, elsewhere: false })
    expect(fields(validateItem(toHost, host))).toEqual(['operatorInvited'])
    toHost.operatorInvited = true
    expect(validateItem(toHost, host)).toEqual([])
    expect(itemRequest(toHost, 'host')).toMatchObject({ operatorInvited: true, operatorOverrideReason: null })

    const other = filled({ mode: 'Purchased', amountYuan: '500', operatorId: 'other', candidateContractors: '别家机构', microProjectId: 'project-1' })
    expect(fields(validateItem(other, host))).toEqual(['operatorId'])
    other.operatorOverrideReason = '原运营方不具备该专业服务能力'
    expect(validateItem(other, host)).toEqual([])
    expect(itemRequest(other, 'host')).toMatchObject({ operatorInvited: false, operatorOverrideReason: '原运营方不具备该专业服务能力' })
  })

  it('R-ST-06: only the forms the station offers; resource linking names its resources', () => {
    expect(fields(validateItem(filled({ serviceForms: ['ResourceLinking'] }), { ...ctx, offered: ['Venue'] }))).toEqual(['serviceForms', 'linkedResources'])
    const m = filled({ serviceForms: ['Venue', 'ResourceLinking'], linkedResources: ['Funding'] })
    expect(validateItem(m, ctx)).toEqual([])
    expect(itemRequest({ ...m, serviceForms: ['Venue'] }, null).linkedResources).toEqual([])
  })

  it('refuses a consultation after today and a year out of range', () => {
    expect(fields(validateItem(filled({ consultedOn: new Date(2026, 10, 24), year: 2019 }), ctx))).toEqual(['year', 'consultedOn'])
  })

  it('an edit starts from the item and sends its version and reason', () => {
    const view = {
      title: '长者助餐', content: null, year: 2026, consultedOn: '2026-11-02', decidedBy: 'Consultation', mode: 'Purchased', serviceForms: ['Venue'],
      linkedResources: [], microProjectId: null, candidateContractors: ['甲', '乙'], operatorInvited: false, operatorId: null, operatorOverrideReason: null,
      amountFen: 120050, years: null, teamSize: null, packagedOverrideReason: null, version: 4,
    } as unknown as ItemView
    const m = itemModel(view, 2027)
    expect(m).toMatchObject({ amountYuan: '1200.5', candidateContractors: '甲\n乙', year: 2026 })
    expect(m.consultedOn?.getDate()).toBe(2)
    m.reason = '金额调整'
    expect(itemRequest(m, null, view)).toMatchObject({ version: 4, reason: '金额调整', amountFen: 120050, consultedOn: '2026-11-02' })
  })
})

describe('procurement filing form (R-ST-05)', () => {
  it('asks for method, supplier, amount, date and the signed agreement', () => {
    expect(fields(validateFiling(filingModel(null), { itemOperatorId: null, today }))).toEqual([
      'method', 'supplierName', 'amountFen', 'agreementSignedOn', 'agreementAttachmentId',
    ])
  })

  it('takes the item’s operator and amount; the supplier is then the operator (R-ST-04)', () => {
    const m = filingModel(null, { operatorId: 'op', amountFen: 50000 })
    expect(m).toMatchObject({ supplierId: 'op', amountYuan: '500' })
    Object.assign(m, { method: 'Other', agreementSignedOn: new Date(2026, 10, 21), agreementAttachmentId: 'att' })
    expect(fields(validateFiling(m, { itemOperatorId: 'op', today }))).toEqual(['methodOther'])
    m.methodOther = ' 村民代表会议比选 '
    expect(validateFiling(m, { itemOperatorId: 'op', today })).toEqual([])
    expect(filingRequest(m)).toEqual({
      method: 'Other', methodOther: '村民代表会议比选', supplierId: 'op', supplierName: null, amountFen: 50000, agreementSignedOn: '2026-11-21',
      agreementAttachmentId: 'att',
    })
    expect(fields(validateFiling({ ...m, supplierId: 'else' }, { itemOperatorId: 'op', today }))).toEqual(['supplierId'])
  })

  it('a typed supplier goes out by name; an edit sends the version', () => {
    const f = {
      method: 'PriceInquiry', methodOther: null, supplierId: null, supplierName: '东城义工联', amountFen: 880000, agreementSignedOn: '2026-11-01',
      agreementAttachmentId: 'att', version: 2,
    } as unknown as FilingView
    const m = filingModel(f)
    expect(m.supplierName).toBe('东城义工联')
    expect(filingRequest({ ...m, method: 'SingleSource' }, f)).toMatchObject({ method: 'SingleSource', methodOther: null, supplierName: '东城义工联', amountFen: 880000, version: 2 })
    expect(fields(validateFiling({ ...m, amountYuan: '0', agreementSignedOn: new Date(2026, 10, 30) }, { itemOperatorId: null, today }))).toEqual([
      'amountFen', 'agreementSignedOn',
    ])
  })
})

describe('procurement filing against the agreed fee (R-ST-10)', () => {
  it('an amount other than the item’s fee needs the reason, which goes out with the filing', () => {
    const m = filingModel(null, { operatorId: null, amountFen: 600_000 })
    Object.assign(m, { method: 'PriceInquiry', supplierName: '东城长者服务社', agreementSignedOn: new Date(2026, 10, 21), agreementAttachmentId: 'att' })
    expect(filingDiffers(m, 600_000)).toBe(false)
    expect(validateFiling(m, { itemOperatorId: null, today, itemAmountFen: 600_000 })).toEqual([])
    m.amountYuan = '28800'
    expect(filingDiffers(m, 600_000)).toBe(true)
    expect(fields(validateFiling(m, { itemOperatorId: null, today, itemAmountFen: 600_000 }))).toEqual(['differenceReason'])
    m.differenceReason = ' 服务人数增至96人 '
    expect(validateFiling(m, { itemOperatorId: null, today, itemAmountFen: 600_000 })).toEqual([])
    expect(filingRequest(m)).toMatchObject({ amountFen: 2_880_000, differenceReason: '服务人数增至96人' })
  })
})

describe('station form texts', () => {
  it('name every mode and method in both languages', () => {
    for (const msgs of [zhCN, enUS]) {
      for (const m of operatingModes) expect(msgs.stationForm.modeHint[m]).toBeTruthy()
      for (const m of procurementMethods) expect(msgs.svcEnums.procurementMethod[m]).toBeTruthy()
    }
  })
})
