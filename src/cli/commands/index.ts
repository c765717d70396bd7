// One line per command; each module exports a function that adds its command to the program.
import type { Command } from 'commander';
import { registerImages } from './images.js';
import { registerInspect } from './inspect.js';
import { registerOutline } from './outline.js';
import { registerQuery } from './query.js';
import { registerTui } from './tui.js';
import { registerValidate } from './validate.js';
import { registerVerifyBinary } from './verify-binary.js';
import { registerVerifyBlob } from './verify-blob.js';
import { registerVerifySbom } from './verify-sbom.js';
import { registerVerifyImage } from './verify-image.js';
import { registerVerifyImages } from './verify-images.js';

export type CommandRegistrar = (program: Command) => void;

export const commandRegistrars: CommandRegistrar[] = [
  registerInspect,
  registerValidate,
  registerOutline,
  registerQuery,
  registerImages,
  registerVerifySbom,
  registerVerifyBinary,
  registerVerifyBlob,
  registerVerifyImage,
  registerVerifyImages,
  registerTui,
];
