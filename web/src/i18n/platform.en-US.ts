import type platformZh from './platform.zh-CN'

/** Platform texts of issue 12: delivery of feedback and unsent messages (R-PL-06), the calendar's provenance (R-PL-01). */
const platformEn: typeof platformZh = {
  delivery: {
    senders: { Hotline12345: '12345 hotline interface', WeChat: 'WeChat interface', Sms: 'SMS gateway', other: 'External sender' },
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
  calendarInfo: {
    issued: 'issued {date}',
    source: { Shipped: 'shipped with the system', Edited: 'shipped with the system, edited locally', Entered: 'entered locally' },
    editedBy: 'edited by {by} on {at}',
    shipped: 'This release ships: {notice} (issued {date})',
    restore: 'Restore the shipped arrangement',
    restoreReason: 'Reason',
    restored: 'The shipped arrangement is restored',
  },
  actor: { system: 'System (automatic)', portal: 'Resident (portal)', claimBoard: 'Claim board (public)', anonymous: 'Visitor' },
  deadlineNote: {
    provisional: '(provisional: Monday–Friday working days)',
    provisionalHint: "The year's official holiday arrangement is not loaded yet; working days count Monday to Friday",
  },
}

export default platformEn
