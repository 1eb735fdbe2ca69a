import { describe, expect, it } from 'vitest'
import { MAX_PHOTOS, appealFormData, checkPhotos, photoName, scaledSize } from '@/utils/photos'

const jpg = (name = 'a.jpg', size = 1000) => ({ name, type: 'image/jpeg', size })

describe('portal photos (the API: at most six JPG/PNG/WEBP pictures, each within 20 MB)', () => {
  it('accepts up to six pictures, counting those already chosen', () => {
    expect(checkPhotos([jpg(), jpg()], MAX_PHOTOS - 2)).toEqual([])
    expect(checkPhotos([jpg()], MAX_PHOTOS).map((e) => [e.field, e.code])).toEqual([['photos', 'too_many']])
  })

  it('refuses other types and oversized files by name, in both languages', () => {
    const errors = checkPhotos([{ name: '说明.pdf', type: 'application/pdf', size: 10 }, jpg('big.jpg', 21 * 1024 * 1024)], 0)
    expect(errors.map((e) => e.code)).toEqual(['type_not_allowed', 'too_large'])
    expect(errors[0].zh).toContain('说明.pdf')
    expect(errors[1].en).toContain('big.jpg')
  })

  it('scales the long side down to the limit, keeping the shape, and never enlarges', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 })
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: 1600 })
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 })
  })

  it('names a redrawn picture after the original with the right extension', () => {
    expect(photoName('IMG_0001.HEIC', 'image/jpeg')).toBe('IMG_0001.jpg')
    expect(photoName('路口.png', 'image/png')).toBe('路口.png')
    expect(photoName('.jpg', 'image/jpeg')).toBe('photo.jpg')
  })

  it('sends the appeal as JSON in "appeal" and each picture in "photos"', async () => {
    const form = appealFormData({ title: '路灯', villageId: 'v1' }, [new File(['x'], 'a.jpg', { type: 'image/jpeg' })])
    expect(JSON.parse(form.get('appeal') as string)).toEqual({ title: '路灯', villageId: 'v1' })
    const files = form.getAll('photos') as File[]
    expect(files).toHaveLength(1)
    expect(files[0].name).toBe('a.jpg')
  })
})
