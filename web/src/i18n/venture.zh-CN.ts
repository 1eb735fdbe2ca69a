/** 孵化社区社会组织与微公益创投（issue 14 §5，R-CA-10、R-PS-02，ADR 0035）。 */
const ventureZh = {
  venture: {
    menu: '孵化与创投',
    title: '社区社会组织孵化与微公益创投',
    intro: '每个街镇开发区每年至少组织开展一届微公益创投（R-PS-02）；孵化培育为困难群体服务的社区社会组织并开展能力建设（R-CA-10）。',
    obligationIntro: '各街道（乡镇、开发区）每年至少开展一届微公益创投：年底到期，10月1日起预警，发布当年创投公告即完成。',
    backToPurchasing: '返回购买服务',
    back: '返回创投列表',
    openPage: '孵化与创投',
    none: '暂无记录',
    tabs: { rounds: '微公益创投', organisations: '孵化组织', obligations: '年度创投义务' },
    round: {
      create: '新建创投活动', year: '年度', town: '街道（乡镇、开发区）', title: '创投活动名称', description: '公告内容', budget: '预算',
      budgetYuan: '本届预算（元）', cap: '单个项目上限', capYuan: '单个项目资助上限（元）', window: '申报期', applyFrom: '申报开始日期',
      applyTo: '申报截止日期', criteria: '评审标准及权重（合计须为100%，当前{sum}%）', criteriaList: '评审标准', criterion: '评审标准',
      weight: '权重（%）', addCriterion: '添加评审标准', removeCriterion: '删除', panel: '评审小组', panelHint: '评审专家姓名，用逗号或顿号分隔', state: '状态',
      applicationsFunded: '申报/资助', view: '查看', open: '发布公告', startReview: '截止申报，开始评审', decide: '确定资助项目', close: '结束本届创投',
      granted: '已资助合计', decideHint: '勾选资助项目并填写资助金额（元）：合计{sum}，预算{budget}，合计不能超过预算。',
    },
    org: {
      create: '登记孵化组织', name: '组织名称', kind: '组织类别', groups: '服务对象', startedOn: '孵化开始日期', hours: '能力建设（小时）',
      leader: '负责人', event: '能力建设', eventTitle: '记录能力建设活动：{name}', eventOn: '活动日期', topic: '主题', eventHours: '时长（小时）',
      attendees: '参加人数', graduate: '出壳', file: '备案', withdraw: '退出',
    },
    app: {
      title: '申报项目与评审', create: '登记申报项目', organisation: '申报组织（孵化组织）', kind: '申报主体类别', applicant: '申报主体',
      project: '项目名称', category: '项目类别', summary: '项目简介', amount: '申请金额', amountYuan: '申请金额（元）', beneficiaries: '受益人数',
      score: '平均得分', sheets: '{n}份评分', scoreIt: '评分', scoreTitle: '评审打分：{name}', reviewer: '评审专家', comment: '评审意见',
    },
    project: {
      title: '资助项目', granted: '资助金额', addProgress: '记录进展', complete: '结项', result: '实施成效', on: '日期', text: '进展情况',
      file: '照片或文件',
    },
    deadline: { dueAt: '到期时间', warnAt: '预警时间', lateReason: '逾期说明' },
    enums: {
      kind: {
        SocialOrganisation: '社会组织', CommunitySocialOrganisation: '社区社会组织', ResidentsCommitteeSubcommittee: '居民委员会下属委员会',
        BuildingTeam: '楼栋团队',
      },
      group: {
        SubsistenceAllowance: '低保对象', ExtremelyPoor: '特困人员', EmptyNestElderly: '空巢老人', LeftBehind: '农村留守人员',
        ChildrenInDifficulty: '困境儿童', Disabled: '残疾人', FamiliesInHardship: '困难家庭', Residents: '社区居民',
      },
      category: {
        ElderlyCare: '养老服务类', ChildrenAndYouth: '儿童青少年服务类', SocialAssistance: '社会救助类', CommunityConsultation: '社区协商类',
        BuildingSelfGovernance: '楼栋自治类', Other: '其他',
      },
      orgState: { Incubating: '孵化中', Graduated: '已出壳', Filed: '已备案', Withdrawn: '已退出' },
      roundState: { Draft: '草拟', Open: '申报中', Reviewing: '评审中', Decided: '已确定资助', Closed: '已结束' },
      appState: { Submitted: '已申报', Funded: '获资助', NotFunded: '未获资助', Completed: '已结项' },
      deadline: { Open: '未到期', DueSoon: '临近到期', Overdue: '已逾期', Met: '已完成', MetLate: '逾期完成', Cancelled: '已取消' },
    },
  },
}

export default ventureZh
