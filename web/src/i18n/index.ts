import { initI18n } from './init';
import { namespaces } from './namespaces';

export { LANGUAGE_KEY } from './init';

export default initI18n(namespaces);
