// Image lists as YAML, the same records as the JSON writer; a module of its own because the yaml library is slow to load.
import type { ContainerImage } from '../k8s/image-types.js';
import { toYamlText } from './yaml-text.js';
import { imagesToCsv, imagesToJson, imagesToTxt, listDocument, type ImageListFormat, type ImageListOptions } from './image-list.js';

export function imagesToYaml(images: readonly ContainerImage[], options: ImageListOptions = {}): string {
  return toYamlText(listDocument(images, options));
}

/** Any of the four formats (for the UI's export screen, which has every writer loaded anyway). */
export function renderImageList(format: ImageListFormat, images: readonly ContainerImage[], options: ImageListOptions = {}): string {
  switch (format) {
    case 'txt':
      return imagesToTxt(images, options);
    case 'json':
      return imagesToJson(images, options);
    case 'csv':
      return imagesToCsv(images, options);
    case 'yaml':
      return imagesToYaml(images, options);
  }
}
