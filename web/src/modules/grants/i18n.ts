import { addModuleLocales } from '../../platform/i18n/module-locales';
import et from './locales/et.json';
import en from './locales/en.json';
import ru from './locales/ru.json';

addModuleLocales({ et, en, ru });
