// Reading a pool image by its content (not its extension): PNG or baseline JPEG.
import { decodeJpeg } from './jpeg-decode.js';
import { decodePng, type RgbImage } from './png-decode.js';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

export class ImageFormatError extends Error {}

export function decodeImageFile(bytes: Uint8Array): RgbImage {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return decodePng(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return decodeJpeg(bytes);
  throw new ImageFormatError('neither a PNG nor a JPEG file');
}
