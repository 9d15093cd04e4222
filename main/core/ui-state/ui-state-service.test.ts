import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { defaultUiState } from '../../../shared/api';
import { createUiStateService } from './ui-state-service';

describe('ui state', () => {
  let f: CoreFixture;
  beforeEach(() => {
    f = coreFixture();
  });
  afterEach(() => f.close());

  const id = '01a2049e-b64f-7413-8ff9-f1a7a1258340';

  it('starts from the defaults and keeps each change, merged with what was there', () => {
    const service = createUiStateService({ settings: f.settings });
    expect(service.get()).toEqual(defaultUiState);
    service.set({ declarationId: id, field: 'lines[2].CodeTS', view: 'editor' });
    service.set({ locale: 'en' });
    // A new service over the same database (a restarted app) reads it back.
    expect(createUiStateService({ settings: f.settings }).get()).toEqual({
      ...defaultUiState,
      declarationId: id,
      field: 'lines[2].CodeTS',
      view: 'editor',
      locale: 'en',
    });
  });

  it('tells the shell when the language changes, and only then', () => {
    const service = createUiStateService({ settings: f.settings, events: f.ctx.events });
    service.set({ view: 'editor' });
    service.set({ locale: 'en' });
    service.set({ locale: 'en', view: 'list' });
    service.set({ locale: 'zh-CN' });
    expect(f.events.filter((e) => e.event === 'ui.locale')).toEqual([
      { event: 'ui.locale', payload: { locale: 'en' } },
      { event: 'ui.locale', payload: { locale: 'zh-CN' } },
    ]);
  });

  it('falls back to the default for a damaged part without losing the others', () => {
    f.settings.write('ui.state', {
      declarationId: id,
      field: 'not a path',
      locale: 'fr',
      listPageSize: 100,
      extra: true,
    });
    expect(createUiStateService({ settings: f.settings }).get()).toEqual({
      ...defaultUiState,
      declarationId: id,
      listPageSize: 100,
    });
  });
});
