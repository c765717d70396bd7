// One line per command; each module exports a function that adds its command to the program.
import type { Command } from 'commander';

export type CommandRegistrar = (program: Command) => void;

export const commandRegistrars: CommandRegistrar[] = [];
