// One line per command; each module exports a function that adds its command to the program.
import type { Command } from 'commander';
import type { UiLauncher } from '../../app/ui-launch.js';
import { registerCheck } from './check.js';
import { registerExport } from './export.js';
import { registerImages } from './images.js';
import { registerInspect } from './inspect.js';
import { registerMirror } from './mirror.js';
import { registerOutline } from './outline.js';
import { registerPin } from './pin.js';
import { registerPolicy } from './policy.js';
import { registerQuery } from './query.js';
import { registerTrustRoot } from './trust-root.js';
import { registerTui } from './tui.js';
import { registerValidate } from './validate.js';
import { registerVerifyBinary } from './verify-binary.js';
import { registerVerifyBlob } from './verify-blob.js';
import { registerVerifyFiles } from './verify-files.js';
import { registerVerifyRelease } from './verify-release.js';
import { registerVerifySbom } from './verify-sbom.js';
import { registerVerifyImage } from './verify-image.js';
import { registerVerifyImages } from './verify-images.js';

/** The UI launcher comes from the entry point: the command line does not import the UI. */
export type CommandRegistrar = (program: Command, launchUi: UiLauncher) => void;

export const commandRegistrars: CommandRegistrar[] = [
  registerInspect,
  registerValidate,
  registerOutline,
  registerQuery,
  registerImages,
  registerExport,
  registerVerifySbom,
  registerVerifyBinary,
  registerVerifyBlob,
  registerVerifyFiles,
  registerVerifyRelease,
  registerVerifyImage,
  registerVerifyImages,
  registerMirror,
  registerPin,
  registerCheck,
  registerPolicy,
  registerTrustRoot,
  registerTui,
];
