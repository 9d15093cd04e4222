import type { Command } from '../io';
import { validateCommand } from './validate';

/** Every command, by name. A new command is a file in this folder added here (import, export …). */
export const commands: readonly Command[] = [validateCommand];
