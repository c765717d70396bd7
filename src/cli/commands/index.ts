// One line per command; each module exports a function that adds its command to the program.
import type { Command } from 'commander';
import { registerInspect } from './inspect.js';

export type CommandRegistrar = (program: Command) => void;

export const commandRegistrars: CommandRegistrar[] = [
  registerInspect,
];
