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
  surveyResult: { over: 'The survey is over; its result', rate: 'Satisfaction', score: 'Score', responses: 'Respondents' },
  surveyShare: {
    title: 'Online survey',
    hint: 'The survey is open: share this link with residents; each verified phone answers once and counts towards the total.',
    copy: 'Copy link',
    copied: 'Link copied',
    open: 'Open',
  },
  portalSurvey: { title: 'Rate a project', desc: 'Enter the project number (on its notice or the community notice)', go: 'Go', number: 'Project number' },
}

export default photosEn
