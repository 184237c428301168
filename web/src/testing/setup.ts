import { configure } from '@testing-library/react';
import i18next from 'i18next';

/**
 * Every web test file runs beside the server suites on a machine with two cores. Testing Library's
 * `findBy…` give up after 1 s by default, and a page's first render (antd, its icons, i18n) has
 * taken longer than that under the server suites' load: a test that waits for text on a page must
 * fail because the text never comes, not because the machine was busy.
 */
configure({ asyncUtilTimeout: 5000 });

// The web files share a process per worker (vitest.config.ts): i18next, loaded once, keeps the language
// the previous file switched to. Every file starts in Vietnamese, as the app does.
if (i18next.isInitialized && i18next.language !== 'vi') await i18next.changeLanguage('vi');
