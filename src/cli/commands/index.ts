// One line per command; each module exports a function that adds its command to the program.
import type { Command } from 'commander';
import { registerInspect } from './inspect.js';
import { registerVerifyBinary } from './verify-binary.js';
import { registerVerifySbom } from './verify-sbom.js';

export type CommandRegistrar = (program: Command) => void;

export const commandRegistrars: CommandRegistrar[] = [
  registerInspect,
  registerVerifySbom,
  registerVerifyBinary,
];
