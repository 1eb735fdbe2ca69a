/** 平台文字（issue 12）：反馈消息的送达状态与未送达消息（R-PL-06），工作日历的来源（R-PL-01）。 */
const platformZh = {
  delivery: {
    simulatedSender: '开发环境模拟发送，未实际送达',
    sender: '发送方式：{sender}',
    attempt: '已尝试 {n} 次',
    nextTry: '下次重试：{at}',
    reason: '原因：{reason}',
    retry: '重发',
    retried: '已重新排队发送，稍后由系统送出',
    noChannelHint: '配置发送渠道后可重发',
  },
  unsent: {
    title: '未送达的反馈消息',
    none: '所有反馈消息均已送达',
    total: '共 {n} 条',
    appeal: '诉求',
    kind: '消息',
    channel: '渠道',
    recipient: '接收方',
    state: '送达状态',
    createdAt: '生成时间',
    filter: '按状态筛选',
    more: '仅显示最近 {n} 条',
    channels: '发送渠道：',
    configured: '已配置',
    notConfigured: '未配置',
    simulatedChannel: '仅开发环境模拟',
    unsentTexts: '近7天有 {n} 条验证码短信未发出',
  },
  calendarInfo: {
    issued: '{date}发布',
    source: { Shipped: '随系统发布', Edited: '随系统发布，已本地修改', Entered: '本地录入' },
    editedBy: '{by}于{at}修改',
    shipped: '本版本随附：{notice}（{date}发布）',
    restore: '恢复为随系统发布的安排',
    restoreReason: '恢复原因',
    restored: '已恢复为随系统发布的安排',
  },
  deadlineNote: { provisional: '（暂按常规工作日计算）', provisionalHint: '该年度国务院办公厅节假日安排尚未载入，工作日暂按周一至周五计算' },
}

export default platformZh
