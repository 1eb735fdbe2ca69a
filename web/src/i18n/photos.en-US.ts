import type { PhotosMessages } from './photos.zh-CN'

const photosEn: PhotosMessages = {
  photos: {
    label: 'Photos (optional)',
    add: 'Add photos',
    hint: 'Up to 6, from the camera or the gallery; they are made smaller and lose their location data before upload.',
    preview: 'Photo {n}',
    remove: 'Remove photo {n}',
    appealPhotos: 'Photos from the resident',
    outcomePhotos: 'Outcome photos',
    open: 'View larger',
  },
  a11y: { pageSize: 'Rows per page', jumpTo: 'Go to page' },
}

export default photosEn
