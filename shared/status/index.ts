export * from './channels';
export * from './display-status';
export * from './complete-deadline';
export * from './lifecycle';
