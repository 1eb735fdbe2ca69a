// 莞家驿站服务项目与采购备案表的录入界面文字（简体中文，默认）。Keys are shared with stations.en-US.ts.
const stationsZh = {
  stationForm: {
    create: '新建服务项目', edit: '编辑服务项目', station: '所属驿站', title: '服务项目名称', content: '服务内容', year: '服务年度',
    consultedOn: '协商日期', consultedOnHint: '社区协商确定运作方式的日期', decidedBy: '决定方式', mode: '运作方式',
    modeHint: {
      Free: '服务对象少、需求单一，利用现有、就近或志愿资源，不产生额外费用',
      Purchased: '服务对象多，经协商交由社区社会组织承接，从专项资金列支；协商时须提出承接服务方建议名单',
      Packaged: '1年超过50宗项目的，由社会组织整体运营驿站；金额、年限、运营方和团队人数由协商会议或村（居）民代表会议决定',
    },
    serviceForms: '服务方式', serviceFormsHint: '只能选择本驿站提供的服务形式', linkedResources: '资源方式', microProject: '对应民生微实事项目',
    microProjectHint: '已备案的驿站办理项目；购买服务、整体打包的必须关联', candidates: '承接服务方建议名单', candidatesHint: '每行一个，或用顿号分隔，最多10个',
    operator: '承接方', operatorNone: '不指定', hostOperator: '依托平台载体已由“{name}”运营：新增服务项目原则上由其承接（R-ST-04）',
    operatorInvited: '已邀请原运营方参与协商', operatorOverrideReason: '不由原运营方承接的理由', amountYuan: '服务费用（元）',
    years: '购买年限（年）', teamSize: '运营团队人数', packagedOverrideReason: '整体打包理由',
    packagedHint: '本村（社区）当年驿站项目未超过50宗的，原则上不采取整体打包运作；确需打包的请说明理由', reason: '修改原因',
    saved: '已保存：{name}', stale: '该记录已被他人修改，请重新加载后再改。', reload: '重新加载', noStation: '尚无在用驿站，请先在“驿站名录”登记驿站。',
    editLocked: '采购备案表已报镇（街道）备案，服务项目不能再修改。', upload: '上传资料', uploadKind: '资料类型', uploaded: '已上传：{name}',
  },
  filingForm: {
    draft: '起草采购备案', edit: '编辑采购备案', method: '采购方式', methodOther: '其他采购方式', supplier: '承接服务方',
    supplierFixed: '协商确定的承接方：{name}', supplierPick: '在册社会组织', supplierPickHint: '可选：不在册的，在下方填写名称', supplierName: '承接服务方名称',
    amountYuan: '采购金额（元）', signedOn: '协议签订日期', agreement: '已签订的购买服务协议', agreementHint: '从本项目“服务协议”类资料中选择，或先上传',
    uploadAgreement: '上传协议', saved: '采购备案表已保存', reviewed: '已有监委会审核意见：修改后需监委会重新审核。', document: '采购备案表',
    state: '备案状态',
    differenceReason: '差额说明', differs: '采购金额与协商确定的服务费用（{fee}）不一致：请说明差额原因，报镇（街道）备案时由镇（街道）确认。',
  },
}

export default stationsZh
export type StationsMessages = typeof stationsZh
