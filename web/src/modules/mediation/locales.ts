import { addModuleLocales } from '../../platform/i18n/module-locales';
import en from './locales/en.json';
import et from './locales/et.json';
import ru from './locales/ru.json';

/** Module E's page texts, in its lazily loaded chunk (menu, home and notification texts are in the global bundles). */
addModuleLocales({ et, en, ru }, 'mediation');
