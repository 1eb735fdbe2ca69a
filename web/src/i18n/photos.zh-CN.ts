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
}

export default photosZh
export type PhotosMessages = typeof photosZh
