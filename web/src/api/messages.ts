import { http, type Paged } from './http'
import type { DeliveryChannel, FeedbackKind, MessageState } from './appeals'

// Feedback that has not reached its appellant, and sending one again: src/Guanjia.App/Feedback/UnsentMessages.cs, /api/messages.

export interface UnsentMessage {
  id: string
  appealId: string
  trackingNumber: string
  kind: FeedbackKind
  channel: DeliveryChannel
  /** A phone masked, or the integration's work-order number. */
  recipient: string | null
  state: MessageState
  stateZh: string
  attempts: number
  /** When the outbox tries again by itself (Pending, Retrying, Failed); null when only a person can. */
  nextAttemptAt: string | null
  lastError: string | null
  sender: string | null
  createdAt: string
  villageId: string
  villageName: string | null
  /** Retryable and its channel has a real sender now. */
  canRetry: boolean
}

export interface ChannelStatus {
  channel: DeliveryChannel
  /** A real sender (a gateway, an integration) is configured. */
  configured: boolean
  /** Only the development simulation takes its messages. */
  simulated: boolean
  sender: string | null
}

export interface MessageChannels {
  channels: ChannelStatus[]
  /** The city only: verification texts not sent in the last 7 days. */
  unsentTexts: number | null
}

export const messagesApi = {
  unsent: (q: { state?: MessageState; page?: number; pageSize?: number } = {}) => http.get<Paged<UnsentMessage>>('/api/messages/unsent', { ...q }),
  channels: () => http.get<MessageChannels>('/api/messages/channels'),
  retry: (id: string) => http.post<UnsentMessage>(`/api/messages/${encodeURIComponent(id)}/retry`),
}
