import type { Messages } from './fr';

// Typed keys: a misspelt translation key fails the type check instead of showing the key.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}
