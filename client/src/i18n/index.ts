import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from '@semis/shared';
import { fr } from './fr';
import { en } from './en';
import { storage } from '../sync/storage';

const LANG_KEY = 'semis.lang';

function initialLanguage(): Language {
  const stored = storage.get(LANG_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : DEFAULT_LANGUAGE;
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false }, // React escapes already
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  storage.set(LANG_KEY, lng);
});

export { i18n };
