import type messagesZh from './messages.zh-CN'

/** Delivery of feedback and the list of unsent messages (R-PL-06, ADR 0018). */
const messagesEn: typeof messagesZh = {
  delivery: {
    simulatedSender: 'Simulated in development, not delivered',
    sender: 'Sender: {sender}',
    attempt: '{n} attempts',
    nextTry: 'Next try: {at}',
    reason: 'Reason: {reason}',
    retry: 'Send again',
    retried: 'Queued again; the system sends it shortly',
    noChannelHint: 'Configure a channel to send it again',
  },
  unsent: {
    title: 'Feedback not delivered',
    none: 'Every message has been delivered',
    total: '{n} in all',
    appeal: 'Appeal',
    kind: 'Message',
    channel: 'Channel',
    recipient: 'To',
    state: 'Delivery',
    createdAt: 'Written',
    filter: 'Filter by state',
    more: 'Showing the latest {n}',
    channels: 'Channels: ',
    configured: 'configured',
    notConfigured: 'not configured',
    simulatedChannel: 'simulated in development only',
    unsentTexts: '{n} verification texts not sent in the last 7 days',
  },
}

export default messagesEn
