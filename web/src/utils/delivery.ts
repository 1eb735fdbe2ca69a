import type { MessageState } from '@/api/appeals'
import type { Lang } from '@/api/problem'
import { formatDateTime } from './format'

type Label = (key: string, named?: Record<string, unknown>) => string

/** What the console needs of a message to say where it stands (R-PL-06): the appeal's messages and the unsent list alike. */
export interface DeliveryFacts {
  state: MessageState
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
  sender: string | null
}

export const SIMULATED_SENDER = 'development-simulation'

/** Only Sent is green; an unsent message is never shown as done. */
export function deliveryTagType(s: MessageState): 'success' | 'warning' | 'danger' | 'info' {
  if (s === 'Sent') return 'success'
  if (s === 'Failed' || s === 'Refused' || s === 'NoChannel' || s === 'Simulated' || s === 'Undeliverable') return 'danger'
  if (s === 'Retrying' || s === 'Pending' || s === 'Sending') return 'warning'
  return 'info'
}

/** The sender in words; the development simulation always says that nothing was delivered. */
export function senderLabel(sender: string | null, label: Label): string | null {
  if (!sender) return null
  return sender === SIMULATED_SENDER ? label('delivery.simulatedSender') : sender
}

/** The server's reason is "中文 / English": the reader's half of it. */
export function reasonText(lastError: string | null, lang: Lang): string | null {
  if (!lastError) return null
  const parts = lastError.split(' / ')
  return parts.length === 2 ? (lang === 'en-US' ? parts[1] : parts[0]) : lastError
}

/**
 * The details under a message's state: attempts and the next try while the outbox retries, the reason it is not sent,
 * and who took it. Nothing for a sent message but its sender.
 */
export function deliveryDetails(m: DeliveryFacts, label: Label, lang: Lang): string[] {
  const lines: string[] = []
  if (m.state !== 'Sent') {
    if (m.attempts > 0) lines.push(label('delivery.attempt', { n: m.attempts }))
    if (m.nextAttemptAt && (m.state === 'Retrying' || m.state === 'Failed')) lines.push(label('delivery.nextTry', { at: formatDateTime(m.nextAttemptAt, lang) }))
    const reason = m.state === 'Simulated' ? null : reasonText(m.lastError, lang)
    if (reason) lines.push(label('delivery.reason', { reason }))
  }
  const who = senderLabel(m.sender, label)
  if (who) lines.push(m.sender === SIMULATED_SENDER ? who : label('delivery.sender', { sender: who }))
  return lines
}
