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
  if (sender === SIMULATED_SENDER) return label('delivery.simulatedSender')
  // A webhook sender is named by its channel ("webhook:Sms"); any other machine name is an external interface.
  const hook = /^webhook:(Hotline12345|WeChat|Sms)$/.exec(sender)
  if (hook) return label(`delivery.senders.${hook[1]}`)
  return /^[a-z][a-z0-9:_-]*$/.test(sender) ? label('delivery.senders.other') : sender
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

/**
 * Who did something, in words (issue 17 point 6): the machine names the server records ("system" for the background jobs and the demo
 * data, "public-portal" for the residents' own submissions) become what a reader understands; a person's or an integration's name stays.
 */
export function actorLabel(name: string | null | undefined, label: Label): string {
  if (!name) return '—'
  if (name === 'system') return label('actor.system')
  if (name === 'public-portal') return label('actor.portal')
  if (name === 'public-claim-board') return label('actor.claimBoard')
  if (name === 'anonymous') return label('actor.anonymous')
  return name
}
