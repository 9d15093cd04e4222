export * from './channels';
export * from './display-status';
