import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { deliveryDetails, deliveryTagType, reasonText, senderLabel } from '@/utils/delivery'

// R-PL-06: an unsent message never looks sent, and says why: no channel, refused, retrying (attempts, next try), simulated.

const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})

describe('delivery', () => {
  it('shows only Sent as done', () => {
    expect(deliveryTagType('Sent')).toBe('success')
    for (const s of ['NoChannel', 'Refused', 'Simulated', 'Failed', 'Undeliverable'] as const) expect(deliveryTagType(s)).toBe('danger')
    expect(deliveryTagType('Retrying')).toBe('warning')
  })

  it('says the development simulation delivered nothing', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(senderLabel('development-simulation', t)).toBe('开发环境模拟发送，未实际送达')
    expect(senderLabel('webhook:Sms', t)).toBe('短信网关') // issue 17 point 6: a sender in words, not its code
    const lines = deliveryDetails({ state: 'Simulated', attempts: 1, nextAttemptAt: null, lastError: '开发环境模拟发送，未实际送达 / simulated', sender: 'development-simulation' }, t, 'zh-CN')
    expect(lines).toEqual(['已尝试 1 次', '开发环境模拟发送，未实际送达'])
  })

  it('gives the attempts, the next try and the reason of a retrying message, in the reader language', () => {
    i18n.global.locale.value = 'zh-CN'
    const m = { state: 'Retrying' as const, attempts: 3, nextAttemptAt: '2026-11-23T02:31:00Z', lastError: 'gw.example answered 503', sender: 'webhook:Sms' }
    expect(deliveryDetails(m, t, 'zh-CN')).toEqual(['已尝试 3 次', '下次重试：2026年11月23日 10:31', '原因：gw.example answered 503', '发送方式：短信网关'])
    expect(reasonText('未配置短信发送渠道 / no SMS gateway configured', 'zh-CN')).toBe('未配置短信发送渠道')
    expect(reasonText('未配置短信发送渠道 / no SMS gateway configured', 'en-US')).toBe('no SMS gateway configured')
  })
})
