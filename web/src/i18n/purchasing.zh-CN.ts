/** 政府购买社区服务（issue 14，种子 004）：服务包、招标、合同与分期款项、报告、第三方评估、整改、违约扣款。 */
const purchasingZh = {
  purchasing: {
    menu: '购买服务',
    evaluationsMenu: '购买服务评估',
    title: '政府购买社区服务',
    intro: '服务包、招标结果与购买服务合同；合同款项按约定分期，与验收挂钩（R-PS-06、R-PS-08）。',
    tabs: { packages: '服务包', contracts: '合同', figures: '监管一览' },
    none: '暂无记录',
    package: {
      name: '服务包名称', period: '服务期', contents: '服务内容', communities: '社区数', towns: '涉及街道（镇、园区）',
      workersNeeded: '工作站需配社工', managers: '项目负责人', supervisors: '督导', tender: '招标', contract: '合同',
      create: '新增服务包', periodStart: '服务期起', periodEnd: '服务期止', pickCommunities: '选择社区（每期一个社区只能在一个服务包中）',
      note: '备注', tendered: '已招标', recordTender: '登记招标结果', sign: '签订合同', signed: '已签订',
    },
    tender: {
      title: '登记招标结果：{name}', method: '采购方式', heldOn: '开标日期', agency: '代理机构', bidders: '投标人及报价（元）',
      bidder: '投标人', bid: '报价（元）', addBidder: '添加投标人', winner: '中标人', amount: '中标金额（元）',
    },
    contract: {
      summary: '合同履约概要',
      number: '合同编号', agreementNumber: '协议编号', contractor: '承接方', package: '服务包', term: '服务期限', amount: '合同金额',
      budgetYear: '预算年度', signedOn: '签订日期', state: '状态', open: '查看',
      signTitle: '签订购买服务合同：{name}', termStart: '服务期起', termEnd: '服务期止', instalments: '分期付款（合计须等于合同金额）',
      instalmentName: '款项名称', instalmentAmount: '金额（元）', milestone: '验收节点', plannedOn: '计划日期', addInstalment: '添加一期',
      indicators: '绩效指标', indicatorName: '指标', indicatorTarget: '目标值', inspectionPlan: '监督检查计划', penaltyClauses: '违约条款',
      clauseCode: '条款编号', clauseText: '内容', clauseMax: '最高扣款（元）', back: '返回合同列表', documents: '合同文件',
    },
    funds: {
      title: '购买服务专项资金', none: '尚未登记购买服务资金', receive: '登记收款', received: '已登记收款', source: '资金来源', amount: '金额（元）',
      reference: '凭证号', description: '摘要', hint: '购买服务资金专款专用（R-FD-07）：只能用于支付购买服务合同的分期款项。',
    },
    payment: {
      title: '支付记录', at: '支付时间', amount: '金额', by: '经办人', paid: '已支付', reversed: '已冲正', reversal: '冲正', reverse: '冲正',
      reverseReason: '请填写冲正原因（如凭证号填错、金额有误）',
    },
    figures: {
      download: '导出监管一览表（Excel）', package: '服务包', contract: '合同 / 承接方', noContract: '尚未签订合同', staff: '人员配置',
      staffText: '{c}个社区：社工{w}人、项目主管{m}人、督导{s}人', reports: '工作报告', reportsText: '应报{due}，按时{onTime}，超期{late}，未报{missing}',
      evaluation: '评估', rectifications: '未销号整改', overdue: '逾期{n}项', penalty: '违约扣款', paid: '已支付 / 合同金额',
      stations: '服务站一览', stationsIntro: '社会服务工作站按所覆盖社区数与本管辖区配比核定应配人数（R-PS-04）；驻站人员岗前培训与当年继续教育学时（R-CA-03）；所对应合同的报告、评估与整改。',
      station: '服务站', kind: { CivilAffairsStation: '民政服务站', SocialServiceWorkstation: '社会服务工作站' }, staffing: '人员配备',
      staffingText: '{c}个社区，应配{n}人，在岗{w}人', staffingNoRatio: '{c}个社区，在岗{w}人', short: '缺{n}人',
      preJob: '岗前培训达标', preJobHint: '满{h}学时', continuing: '继续教育', continuingText: '{n}人未达标', continuingHint: '{y}年须满{h}学时',
      onTime: '按时报告',
    },
    instalment: {
      title: '分期款项', seq: '期次', name: '款项', amount: '金额', milestone: '验收节点', state: '状态', penalty: '违约扣款', due: '应付金额',
      pay: '支付', paid: '已支付该期款项', paidAmount: '已支付', payTitle: '支付“{name}”', account: '付款账户（购买服务专项资金）', source: '资金来源',
      payAmount: '本次支付金额（元）', reference: '凭证号',
      payHint: '合同约定{amount}，扣减违约金{penalty}，已支付{paid}，本期还可支付{due}。购买服务资金专款专用，只能从购买服务专项资金账户支付。',
      noAccount: '尚无购买服务专项资金账户或账户无余额：请先在“资金”中开设购买服务专项资金账户并登记收款。',
      accept: '验收', accepted: '已验收', confirmAccept: '确认验收“{name}”？验收后该期款项可支付（扣除违约扣款）。',
    },
    report: {
      title: '工作报告', kind: '报告', period: '所属期', dueAt: '报送期限', state: '状态', filedAt: '报送时间', late: '超期报送',
      overdue: '已超期', file: '报送', fileTitle: '报送{name}', peopleServed: '服务人次', serviceSessions: '服务次数', activities: '活动场次',
      homeVisits: '走访户次', highlights: '工作开展情况', problems: '存在问题', nextPlan: '下一步计划', attachment: '报告文件',
      lateReason: '超期原因', lateHint: '已超过报送期限，须填写超期原因', acknowledge: '确认收到', acknowledged: '已确认', awaiting: '待确认',
      filed: '已报送', lateWarned: '报告已报送（超期），已记录超期原因',
    },
    survey: {
      count: '已录入{n}份 / 最少{min}份', result: '测评得分{score}，满意率{rate}%（即满意度指标得分）', short: '还差{n}份，满意度指标暂无得分',
      enter: '录入答卷', recorded: '已录入，共{n}份', fromSurvey: '取自满意度测评',
      aspect: {
        overall: '服务总体评价', quality: '服务质量', effect: '服务效果', attitude: '服务态度', efficiency: '办理效率', closeness: '贴近需求',
        openness: '信息公开',
      },
    },
    evaluation: {
      report: '评估报告',
      title: '第三方评估', evaluator: '评估机构', state: '状态', total: '总分', grade: '等级', commission: '委托评估', accept: '确认评估结果',
      indicators: '评估指标（权重合计100%，实际效果与满意度不低于最低权重）', indicator: '指标', category: '类别', weight: '权重（%）',
      criteria: '评分标准', score: '得分（0–100）', comment: '说明', dueOn: '评估完成期限', survey: '服务对象满意度测评', respondents: '受访人数',
      satisfaction: '满意率（%）', summary: '评估结论', findings: '发现的问题', finding: '问题', findingDue: '整改期限', addFinding: '添加问题',
      scoreTitle: '评分：{number}', scored: '评分已保存', minimum: '实际效果不低于{effect}%，满意度不低于{satisfaction}%', noEvaluator: '请选择评估机构',
      enter: '评分', view: '查看', intro: '民政局委托您评估的购买服务合同。确认前可修改评分；确认后发现的问题列为整改事项。',
    },
    rectification: {
      title: '整改事项', finding: '问题', dueOn: '整改期限', state: '状态', evidence: '整改情况', submit: '提交整改材料',
      review: '审核', close: '通过销号', returnIt: '退回重新整改', note: '审核意见', newDueOn: '新的整改期限', overdue: '已超期',
      evidenceTitle: '提交整改情况', files: '佐证材料',
    },
    penalty: {
      title: '违约扣款', record: '记录违约扣款', clause: '违约条款', amount: '扣款金额（元）', reason: '原因', instalment: '扣减款项',
      recorded: '已记录，将从下一期应付款中扣减',
    },
    enums: {
      content: {
        ElderlyCare: '社区公共养老服务', YouthServices: '青少年服务', SocialAssistance: '社会救助服务', RetiredWorkerVisits: '退休人员走访',
        CentreOperation: '社区综合服务中心运营', OrganisationIncubation: '社会组织培育', VentureRounds: '微公益创投', OtherPublicWelfare: '其他公益服务',
      },
      method: {
        PublicTender: '公开招标', InvitedTender: '邀请招标', CompetitiveNegotiation: '竞争性谈判', CompetitiveConsultation: '竞争性磋商',
        Inquiry: '询价', SingleSource: '单一来源',
      },
      milestone: { OnSigning: '合同签订后', MidTermAcceptance: '中期验收后', FinalAcceptance: '末期验收后' },
      contractState: { Active: '履行中', Completed: '已履行完毕' },
      instalmentState: { Pending: '待验收', Accepted: '已验收' },
      reportKind: { MonthlyBrief: '月度工作简报', MidTermReport: '中期工作报告', FinalReport: '末期工作报告', MajorEvent: '重大事件' },
      reportState: { Due: '待报送', Filed: '已报送' },
      evaluationState: { Commissioned: '已委托', Scored: '已评分', Accepted: '已确认' },
      rectificationState: { Open: '待整改', EvidenceSubmitted: '已提交整改材料', Closed: '已销号' },
      category: { Effect: '实际效果', Satisfaction: '满意度', Process: '过程管理', Finance: '资金管理', Other: '其他' },
    },
  },
}

export default purchasingZh
