import type { Handlers } from '../api/dispatch';
import type { TemplateService } from './template-service';

type TemplateMethods = 'templates.list' | 'templates.save' | 'templates.delete' | 'declarations.createFromTemplate';

/** The contract handlers of templates, for the handler map in main/composition.ts. */
export function createTemplateHandlers(service: TemplateService): Pick<Handlers, TemplateMethods> {
  return {
    'templates.list': () => service.list(),
    'templates.save': (input) => service.save(input),
    'templates.delete': ({ id }) => service.delete(id),
    'declarations.createFromTemplate': ({ templateId }) => service.createFromTemplate(templateId),
  };
}
