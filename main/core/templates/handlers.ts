import type { Handlers } from '../api/dispatch';
import type { TemplateService } from './template-service';

type TemplateMethods =
  | 'templates.list'
  | 'templates.save'
  | 'templates.delete'
  | 'templates.rename'
  | 'templates.export'
  | 'templates.import'
  | 'declarations.createFromTemplate'
  | 'declarations.copy';

/** The contract handlers of templates (and of copying a declaration), for the handler map in main/composition.ts. */
export function createTemplateHandlers(service: TemplateService): Pick<Handlers, TemplateMethods> {
  return {
    'templates.list': ({ query }) => service.list(query),
    'templates.save': (input) => service.save(input),
    'templates.delete': ({ id }) => service.delete(id),
    'templates.rename': ({ id, name }) => service.rename(id, name),
    'templates.export': ({ ids }) => service.exportFile(ids),
    'templates.import': (input) => service.importFile(input),
    'declarations.createFromTemplate': ({ templateId }) => service.createFromTemplate(templateId),
    'declarations.copy': ({ id, keepLines }) => service.copy(id, keepLines),
  };
}
