/** Photos on the portal and in the console (issue 6). */
const photosZh = {
  photos: {
    label: '照片（可不传）',
    add: '添加照片',
    hint: '最多6张，可拍照或从相册选择；上传前会压缩，并去除拍摄位置等信息。',
    preview: '第{n}张照片',
    remove: '删除第{n}张照片',
    appealPhotos: '群众上传的照片',
    outcomePhotos: '成效照片',
    open: '查看大图',
  },
  a11y: { pageSize: '每页条数', jumpTo: '跳至页' },
  surveyResult: { over: '测评已结束，结果如下', rate: '满意率', score: '综合得分', responses: '参与人数' },
  surveyShare: {
    title: '线上测评',
    hint: '测评进行中：把链接发到居民群，居民用手机验证后即可评价，每个手机号一次，计入测评人数。',
    copy: '复制链接',
    copied: '链接已复制',
    open: '打开',
  },
  portalSurvey: { title: '参与满意度测评', desc: '输入项目编号（公示或社区通知中可见）', go: '前往', number: '项目编号' },
}

export default photosZh
export type PhotosMessages = typeof photosZh
