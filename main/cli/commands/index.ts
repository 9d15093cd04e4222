import type { Command } from '../io';
import { exportCommand } from './export';
import { importCommand } from './import';
import { validateCommand } from './validate';

/** Every command, by name. A new command is a file in this folder added here. */
export const commands: readonly Command[] = [validateCommand, importCommand, exportCommand];
