import type { Handlers } from '../api/dispatch';
import type { UiStateService } from './ui-state-service';

/** The contract handlers of ui.getState / ui.setState, for the handler map in main/composition.ts. */
export function createUiStateHandlers(service: UiStateService): Pick<Handlers, 'ui.getState' | 'ui.setState'> {
  return {
    'ui.getState': () => service.get(),
    'ui.setState': (patch) => service.set(patch),
  };
}
