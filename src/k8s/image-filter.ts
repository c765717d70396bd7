// --arch and --name selection over an inventory.
import { compileGlob } from '../common/glob.js';
import type { ContainerImage } from './image-types.js';

export interface ImageFilter {
  architecture?: string;
  /** Glob (`*` wildcard) over the repository, its last path component, or registry/repository. */
  name?: string;
}

export function filterImages(images: readonly ContainerImage[], filter: ImageFilter): ContainerImage[] {
  const pattern = filter.name ? compileGlob(filter.name) : undefined;
  return images.filter((image) => {
    if (filter.architecture && image.architecture !== filter.architecture) return false;
    if (!pattern) return true;
    const last = image.repository.split('/').pop() ?? image.repository;
    return [image.repository, last, `${image.registry}/${image.repository}`].some((candidate) => pattern.test(candidate));
  });
}
