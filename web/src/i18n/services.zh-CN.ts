// 微心愿、政策库与政策转介、莞家驿站、社工服务站点的界面文字（简体中文，默认）。Keys are shared with services.en-US.ts.
// Enum labels follow the programme's documents (R-MW-01 for wishes, 000/R-ST for stations).
const servicesZh = {
  svcMenu: { wishes: '微心愿', policies: '政策库', referrals: '政策转介', stations: '莞家驿站', points: '社工服务站点' },
  svcEnums: {
    wishState: {
      AwaitingVerification: '待镇街核实', AwaitingDecision: '待评审', Handling: '办理中', Completed: '已完成，待反馈', Closed: '已办结',
      PolicyReferred: '转现行政策办理', Rejected: '不予受理', Routed: '转直达/驿站办理',
    },
    wishKind: { SpecialGroupAid: '特殊群体帮扶', InclusiveService: '普惠型服务' },
    targetGroup: {
      MinimumLivingAllowance: '低保对象', ExtremelyPoor: '特困人员', VeryOld: '高龄老人', LonelyElderly: '孤寡老人', Disabled: '残疾人',
      LowIncomeFamily: '低收入家庭', SingleMother: '困难单亲母亲', Veteran: '困难退役军人', ChildInDifficulty: '困境儿童', LeftBehindChild: '留守儿童',
      StreetMinor: '流浪乞讨未成年人', FamilyInDifficulty: '困难家庭', SuddenHardship: '因突发事件、意外伤害、重大疾病等陷入困境的人员（含非户籍常住人口）',
    },
    assistanceType: { LivingAid: '临时生活救助', MedicalAid: '医疗救助', ElderlySupport: '养老扶助', EducationAid: '教育扶助', EmploymentAid: '就业扶助', Housing: '住房保障' },
    serviceType: {
      Counselling: '心理疏导', RightsProtection: '权益维护', YouthBehaviour: '青少年行为偏差纠正', MarriageRepair: '婚姻关系修复', FamilyRelations: '家庭和亲子关系调适',
      EmploymentHelp: '就业援助', MedicalPolicyAdvice: '医疗政策咨询', ResourceLinking: '资源链接及服务转介', HospiceCare: '安宁疗护',
    },
    expressForm: { DirectImplementation: '直接组织实施', DirectGrant: '直接资助', Pairing: '结对帮扶' },
    decisionBody: { ExpertReview: '专家评审', JointMeeting: '联席会议' },
    verifyOutcome: { Verified: '核实通过，进入评审', PolicyReferral: '转现行政策办理', Reject: '不予受理' },
    policyReferralState: { Referred: '已转办，待受理', Accepted: '部门已受理', Resolved: '已按政策解决', NotResolved: '未能解决' },
    subjectType: { Appeal: '诉求', MicroProject: '微实事项目', MicroWish: '微心愿' },
    hostPlatform: {
      PartyMassServiceCenter: '“阳光雨”党群服务中心', CommunityServiceCenter: '社区综合服务中心', CulturalServiceCenter: '基层综合性文化服务中心',
      FamilyServiceCenter: '“白玉兰”家庭服务中心', YouthActivityCenter: '莞香花青少年活动中心', WorkersActivityCenter: '先锋号工人活动中心',
      SocialWorkStation: '社工服务站', VolunteerServiceStation: '志愿服务站', HomeCareServiceCenter: '居家养老服务中心（站）',
      DisabilityRehabilitationStation: '残疾人康复站', WomensHome: '妇女之家', Other: '其他平台载体',
    },
    serviceForm: { Venue: '提供场地支持', ServiceTeam: '组建服务队伍', ResourceLinking: '链接社会资源' },
    linkedResource: { Funding: '资金资助', DonatedGoods: '物资捐赠', SharedVenue: '场地共享' },
    operatingMode: { Free: '无偿提供服务', Purchased: '购买服务项目', Packaged: '整体打包运作' },
    procurementState: { Draft: '草稿（待监委会审核）', Filed: '已报镇街备案', Recorded: '镇街已备案' },
    procurementMethod: {
      PublicTender: '公开招标', InvitedTender: '邀请招标', CompetitiveNegotiation: '竞争性谈判', CompetitiveConsultation: '竞争性磋商',
      PriceInquiry: '询价', SingleSource: '单一来源', VillageSelection: '村（社区）自行遴选', Other: '其他',
    },
    publicationKind: { Consultation: '协商结果', Implementation: '实施结果', Evaluation: '评议结果' },
    publicationPlatform: { CommunityPlatform: '社区公共服务综合信息平台', IntegrityPlatform: '农村党风廉政信息公开平台', VillageNoticeBoard: '党务村（居）务公开栏' },
    inclusiveService: {
      PsychologicalCounselling: '心理疏导', RightsProtection: '权益维护', YouthBehaviourCorrection: '青少年行为偏差纠正', MaritalRepair: '婚姻关系修复',
      FamilyRelations: '家庭和亲子关系调适', EmploymentAid: '就业援助', MedicalPolicyConsultation: '医疗政策咨询',
      ResourceLinkingAndReferral: '资源链接及服务转介', HospiceCare: '安宁疗护', Other: '其他',
    },
    stationReferralState: { Referred: '已转介，待服务', Served: '已服务，待归档', Filed: '已报镇街归档' },
  },
  wish: {
    number: '编号', need: '心愿内容', kind: '类别', state: '状态', route: '办理方式', amount: '资助金额', village: '村（社区）', town: '镇街',
    createdAt: '提出时间', requested: '申请金额', targetGroup: '帮扶对象', assistanceType: '帮扶类型', serviceType: '服务类型',
    beneficiary: '受助人', idNumber: '身份证号', household: '家庭情况', masked: '个人信息已脱敏，仅经办镇街可见', appeal: '来源诉求',
    verification: '核实情况', checks: '核查事项', authentic: '诉求真实', reasonable: '诉求合理', budgetSound: '资金预算合理',
    departments: '会同核查的部门', departmentsHint: '如：社会事务局、残联', verifyOutcome: '核查结论', note: '核查意见',
    rejectNote: '不予受理原因（将反馈给诉求人）', policy: '对应政策', policyHint: '从政策库选择，或手工填写部门与联系方式',
    policyDepartment: '跟办部门', policyContact: '联系方式', decision: '评审结果', decisionBody: '评审形式', participants: '参与人员',
    participantsHint: '每行一人，或用顿号分隔，至少两人', amountYuan: '资助金额（元）', expressForm: '速递形式', assistanceForm: '资助方式',
    assistanceFormHint: '如：发放助学金、购置轮椅', decidedAt: '评审时间', decidedAtHint: '不填则为现在', completion: '办理结果',
    paidYuan: '实际资助金额（元）', paidHint: '不超过评审确定的 {amount}', outcome: '办理情况', completedAt: '完成时间', closedAt: '办结时间',
    closeHint: '办结后将向诉求人反馈办理结果（完成后5个工作日内）。', yes: '是', no: '否', none: '暂无微心愿', actions: '办理',
    noActions: '当前无需您办理的步骤', timeline: '办理过程', verifiedAt: '核实时间', created: '提出',
    action: { Verify: '镇街核实', Decide: '评审决定', Complete: '办理完成', Close: '反馈并办结', done: '已办理：{action}' },
  },
  policy: {
    title: '现行民生政策清单', q: '政策名称、保障范围、关键词或部门', name: '政策名称', department: '责任部门', contact: '联系方式',
    covers: '保障范围', keywords: '关键词', keywordsHint: '用逗号、顿号或空格分隔，用于匹配诉求', active: '有效', inactive: '已停用',
    includeInactive: '含已停用', isActive: '在用', updatedAt: '更新时间', create: '新增政策', edit: '编辑政策', reason: '修改原因',
    saved: '已保存：{name}', cityOnly: '政策清单由市民政局维护，其他单位只读。',
  },
  referral: {
    title: '政策转介', state: '状态', department: '跟办部门', subject: '事项', tracking: '受理编号', policy: '政策', contact: '联系方式',
    referredAt: '转办时间', handler: '经办人', acceptedAt: '受理时间', result: '办理结果', resultAt: '结果时间', resolved: '是否已按政策解决',
    accept: '受理', record: '录入结果', accepted: '已受理', recorded: '已录入结果，已向诉求人反馈', none: '暂无转办事项',
  },
  station: {
    tabs: { stations: '驿站名录', coverage: '覆盖情况', items: '驿站项目', filings: '采购备案', referrals: '服务转介' },
    q: '驿站名称或地址', name: '驿站名称', hostPlatform: '依托平台载体', hostPlatformOther: '其他平台载体名称', address: '驿站地址',
    head: '驿站负责人', headPhone: '联系电话', openingHours: '开放时间', serviceForms: '服务形式', description: '简介', operator: '运营机构',
    active: '在用', inactive: '已停用', isActive: '在用', village: '村（社区）', town: '镇街', create: '登记驿站', edit: '编辑驿站',
    reason: '修改原因', saved: '已保存：{name}', showInactive: '含已停用',
    coverage: {
      villages: '村（社区）数', withStation: '已建驿站的村（社区）', stations: '在用驿站', rate: '覆盖率', without: '尚未建站的村（社区）',
      allCovered: '所有村（社区）均已建站', town: '镇街',
    },
    item: {
      title: '项目名称', year: '服务年度', mode: '运作方式', amount: '金额', procurement: '采购备案', publications: '已公开', station: '驿站',
      content: '服务内容', consultedOn: '协商日期', decidedBy: '决定方式', operator: '承接方', candidates: '候选承接方', years: '服务年限',
      teamSize: '服务队伍人数', microProject: '对应项目', documents: '资料', publish: '记录公开', none: '暂无驿站项目',
      decidedByValue: { Consultation: '社区协商会议', RepresentativesMeeting: '村（居）民代表会议' },
      pubText: '公开内容', pubTitle: '公开标题', pubPlatforms: '公开平台（三个平台均须公开）', publishedOn: '公开日期', published: '已记录公开',
      money: '服务费用', agreedFee: '协商确定费用', paid: '已支付', remaining: '未支付',
    },
    filing: {
      item: '驿站项目', method: '采购方式', supplier: '供应方', amount: '合同金额', signedOn: '协议签订日期', opinion: '监委会审核意见',
      reviewer: '审核人', reviewedOn: '审核日期', noOpinion: '尚无监委会意见', filedAt: '报备时间', recordedAt: '备案时间', note: '备案意见',
      giveOpinion: '出具审核意见', file: '报镇街备案', recordIt: '镇街备案', done: '已办理', none: '暂无采购备案',
      agreedFee: '协商费用', difference: '金额差异', differenceReason: '村（社区）说明', differenceText: '协商确定的服务费用为{fee}，采购备案金额为{amount}。',
      confirmDifference: '已核实，确认差额', differenceConfirmed: '差额已确认', differenceOpen: '差额待确认',
    },
    ref: {
      resident: '居民', phone: '联系电话', service: '服务类别', point: '社工服务站点', need: '服务需求', state: '状态', referredAt: '转介时间',
      servedFrom: '服务开始日期', servedTo: '服务结束日期', summary: '服务情况', freeOfCharge: '无偿提供服务（服务费用从原经费渠道解决）',
      create: '转介居民', served: '记录服务', upload: '上传服务记录', file: '报镇街归档', records: '服务记录', masked: '居民信息已脱敏',
      none: '暂无服务转介', station: '驿站', uploaded: '已上传：{name}',
    },
  },
  swp: {
    title: '社工服务站点', q: '站点名称', code: '编码', name: '站点名称', town: '所在镇街', address: '地址', contact: '联系人', phone: '联系电话',
    hours: '服务时间', services: '服务内容', note: '备注', edit: '编辑站点信息', saved: '已保存：{name}', none: '暂无社工服务站点',
    cityOnly: '站点目录由市民政局维护。', servicesHint: '至少选择一项', activeOnly: '仅在用',
  },
  portalStations: {
    title: '莞家驿站', intro: '每个村（社区）至少一个莞家驿站，就近提供场地、服务队伍和资源链接。', q: '搜索驿站名称或地址', town: '镇街',
    village: '村（社区）', all: '全部', none: '暂无驿站信息', call: '拨打', head: '负责人', hours: '开放时间', services: '服务形式',
    operator: '运营机构', stationsTab: '驿站', publicationsTab: '结果公开', pointsTab: '社工站点', points: '社工服务站点',
    pointsIntro: '心理疏导、权益维护、家庭关系调适等普惠型服务，由社工服务站点无偿提供。', publications: '驿站项目结果公开',
    noPublications: '暂无公开结果', more: '加载更多', total: '共 {n} 个',
  },
}

export default servicesZh
export type ServicesMessages = typeof servicesZh
