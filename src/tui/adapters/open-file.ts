// Opening a local document or a URL through the load-source use case, as a view. Nothing here is verified.
import { loadSource } from '../../app/load-source.js';
import { sourceOf } from '../../app/source-kind.js';
import type { SbomView } from '../ports.js';
import { buildView } from './document-view.js';
import { loadOptionsFrom } from './load-options.js';
import type { TuiSettings } from './settings.js';

export async function openSbomFile(settings: TuiSettings, text: string): Promise<SbomView> {
  const source = sourceOf(text, { urls: true });
  // The app asks for a release through verifyRelease; here a version-like name that is no file stays a file.
  const loaded = await loadSource(source.kind === 'release' ? { kind: 'file', path: text } : source, loadOptionsFrom(settings));
  return buildView({ document: loaded.document, ...(loaded.format ? { format: loaded.format } : {}), diagnostics: loaded.diagnostics, source: loaded.label });
}
