import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import './app/global.css';
import './app/toasts.css';

/**
 * `/login` is the page a visitor downloads first, often on a phone: it gets the sign-in page alone
 * (`LoginApp`); every other address gets the app. Both are loaded from here, each with the files
 * it needs fetched in parallel, so neither downloads the other's.
 */
const isLogin = location.pathname === '/login' || location.pathname.startsWith('/login/');
const root: Promise<ComponentType> = isLogin
  ? import('./features/auth/LoginApp').then((m) => m.LoginApp)
  : import('./app/App').then((m) => m.App);

void root.then((Root) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
