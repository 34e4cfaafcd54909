import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from '@semis/shared';
import { fr } from './fr';
import type { Messages } from './fr';
import { storage } from '../sync/storage';

const LANG_KEY = 'semis.lang';

/** French is in the bundle; other languages load when chosen, so a phone downloads one. */
const LOADERS: Record<Exclude<Language, 'fr'>, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
};

function storedLanguage(): Language {
  const stored = storage.get(LANG_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : DEFAULT_LANGUAGE;
}

async function load(lng: Language): Promise<void> {
  if (lng === 'fr' || i18n.hasResourceBundle(lng, 'translation')) return;
  i18n.addResourceBundle(lng, 'translation', await LOADERS[lng]());
}

/** Switches language once its strings are here (never a screen half in one language). */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    await load(lng);
  } catch {
    return; // offline and not cached: stay in the current language
  }
  await i18n.changeLanguage(lng);
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
  partialBundledLanguages: true,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false }, // React escapes already
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  storage.set(LANG_KEY, lng);
});

/** Resolves when the reader's language is ready: render after it, so nothing flashes in French. */
export const i18nReady: Promise<void> = storedLanguage() === DEFAULT_LANGUAGE ? Promise.resolve() : setLanguage(storedLanguage());

export { i18n };
