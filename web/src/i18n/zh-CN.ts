// 简体中文（默认）。Keys are shared with en-US.ts; the type check keeps the two in step.
import lifecycleZh from './lifecycle.zh-CN'
import servicesZh from './services.zh-CN'
import claimsZh from './claims.zh-CN'
import photosZh from './photos.zh-CN'
import stationsZh from './stations.zh-CN'
import platformZh from './platform.zh-CN'
import purchasingZh from './purchasing.zh-CN'
import caseworkZh from './casework.zh-CN'
import ventureZh from './venture.zh-CN'
import caStationZh from './caStation.zh-CN'
const zhCN = {
  app: { name: '莞家', full: '民生大莞家信息系统', console: '工作台', portal: '公众服务' },
  common: {
    search: '查询', reset: '重置', create: '新增', edit: '编辑', save: '保存', cancel: '取消', close: '关闭',
    confirm: '确定', refresh: '刷新', detail: '详情', actions: '操作', yes: '是', no: '否', none: '无',
    loading: '加载中…', reason: '修改原因', reasonHint: '将记入审计日志', all: '全部', status: '状态',
    active: '启用', inactive: '停用', copy: '复制', copied: '已复制', saved: '已保存', total: '共 {n} 条',
    comingSoon: '即将上线', required: '必填', back: '返回', language: '语言',
  },
  lang: { 'zh-CN': '简体中文', 'en-US': 'English', switchTo: 'English' },
  menu: {
    home: '我的工作', admin: '系统管理', organizations: '组织架构', users: '用户管理', tokens: '接口令牌',
    calendar: '工作日历', audit: '审计日志', portal: '公众门户', apiDocs: '接口文档', toggle: '展开或收起菜单',
  },
  user: { signOut: '退出登录', scope: '数据范围', role: '角色', organization: '所属组织', wholeCity: '全市', readOnly: '只读账号' },
  signIn: {
    title: '工作人员登录', userName: '用户名', password: '密码', submit: '登录', signingIn: '正在登录…',
    portalLink: '我是居民，去公众服务', expired: '登录已过期，请重新登录',
  },
  home: {
    greeting: '您好，{name}', today: '今天', workingDay: '工作日', restDay: '休息日',
    deadlinesTitle: '我的待办与期限',
    scopeTitle: '我的数据范围', permissionsTitle: '我的权限', noPermissions: '暂无管理权限',
    shortcuts: '常用功能',
  },
  org: {
    title: '组织架构', searchPlaceholder: '按名称或编码筛选', towns: '镇街', villages: '村（社区）',
    summary: '{towns} 个镇街，{villages} 个村（社区）', summaryVillages: '{villages} 个村（社区）', pickHint: '请在左侧选择一个组织查看详情',
    notOnTree: '您的组织不在行政区划树中，以下是您所属组织的信息。', path: '上级',
    code: '编码', name: '名称', nameEn: '英文名称', kind: '类型', parent: '上级组织', economicClass: '经济类别',
    pilot: '试点', function: '部门职能', isLead: '牵头部门', address: '地址', phone: '电话', active: '状态',
    departments: '下属部门与机构', editTitle: '编辑组织：{name}', createTitle: '在 {name} 下新增组织',
    addChild: '新增下级', economicClassHint: '1 最强，4 最弱（决定配套资金比例）',
  },
  kind: {
    City: '市', Town: '镇', Street: '街道', Park: '园区', Village: '村', Community: '社区', CityDepartment: '市直部门',
    TownDepartment: '镇街部门', Contractor: '承接方', SocialWorkPoint: '社工站点', Evaluator: '评估机构',
  },
  fn: {
    CivilAffairs: '民政', Finance: '财政', AgricultureForestryWater: '农林水', Housing: '住建', NaturalResources: '自然资源',
    ServiceData: '政务服务数据', Organization: '组织', Publicity: '宣传', Education: '教育', HumanResources: '人社',
    Health: '卫健', Disability: '残联', Charity: '慈善', Audit: '审计', Other: '其他',
  },
  users: {
    title: '用户管理', q: '用户名或姓名', role: '角色', organization: '所属组织', userName: '用户名', displayName: '姓名',
    phone: '电话', lastSignIn: '最近登录', locked: '已锁定', create: '新增用户', editTitle: '编辑用户：{name}',
    password: '初始密码', newPassword: '新密码', resetPassword: '重置密码', resetTitle: '重置 {name} 的密码',
    unlock: '解锁', unlockPrompt: '请填写解锁原因', passwordHint: '至少 8 位，须包含字母和数字',
    phoneKeep: '当前号码（已脱敏）：{phone}。出于隐私只显示脱敏号码，保存时此栏为空将清除电话，请重新填写完整号码。',
    orgSearch: '输入组织名称搜索', roleFirst: '请先选择角色', activeLabel: '账号状态', created: '已创建用户 {name}',
    passwordReset: '已重置密码，该用户需重新登录', unlocked: '已解锁',
  },
  tokens: {
    title: '接口令牌', intro: '供 12345 热线等外部系统调用接口。令牌只在创建时显示一次，系统只保存其摘要。',
    name: '名称', prefix: '前缀', organization: '所属组织', permissions: '权限', createdAt: '创建时间', expiresAt: '过期时间',
    lastUsedAt: '最近使用', revokedAt: '吊销时间', revoke: '吊销', revoked: '已吊销', expired: '已过期', valid: '有效',
    create: '新增令牌', never: '永不过期', secretTitle: '令牌已创建', revokePrompt: '请填写吊销原因',
    secretWarning: '请立即复制并妥善保存。关闭此窗口后将无法再次查看。',
    permAppealsCreate: '提交诉求', permAppealsRead: '查询诉求',
  },
  calendar: {
    title: '工作日历', year: '年份', notice: '依据', noNotice: '本年度尚未载入国务院办公厅节假日安排，仅按周一至周五计算工作日。',
    holiday: '休', makeup: '班', legendHoliday: '法定节假日', legendMakeup: '调休上班', legendWeekend: '周末',
    weekdays: '一,二,三,四,五,六,日', month: '{m}月', editTitle: '设置 {date}', kind: '类型',
    kindHoliday: '节假日（放假）', kindMakeup: '调休上班', kindNormal: '普通日（按周一至周五）', dayName: '名称',
    dayNameHint: '如：国庆节', dayDetail: '{date}：{what}', isWorking: '工作日', isRest: '休息日',
  },
  audit: {
    field: '字段', masked: '（已隐藏）', noChange: '无字段变化',
    title: '审计日志', seq: '序号', at: '时间', actor: '操作人', action: '动作', entity: '对象', reason: '原因',
    before: '修改前', after: '修改后', hash: '哈希', entityType: '对象类型', from: '开始日期', to: '结束日期',
    verify: '校验审计链', verifying: '正在校验…', intact: '审计链完整', broken: '审计链断开',
  },
  portal: {
    title: '民生大莞家', subtitle: '身边的小事，我们一起办', submit: '提交诉求', track: '查询进度', publicity: '公示',
    stations: '驿站', home: '首页', staff: '工作人员入口',
    submitDesc: '把身边的民生小事告诉我们：道路照明、适老化改造、社区服务……',
    trackDesc: '凭受理编号和手机号查询办理进度。', publicityDesc: '民生微实事立项、资金使用与评价结果公示。',
    stationsDesc: '查找附近的莞家驿站和社工站点。', soonDesc: '该功能正在建设中，敬请期待。也可拨打 12345 热线反映诉求。',
    hotline: '12345 政务服务便民热线',
  },
  notFound: { title: '页面不存在', back: '回到首页' },
  forbidden: '您没有访问此页面的权限',
  ...lifecycleZh,
  ...servicesZh,
  ...claimsZh,
  ...photosZh,
  ...stationsZh,
  ...platformZh,
  ...purchasingZh,
  ...caseworkZh,
  ...ventureZh,
  ...caStationZh,
}

export default zhCN
export type Messages = typeof zhCN
