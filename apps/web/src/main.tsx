// Vietnamese and Latin only (in @fontsource's order): Vietnamese text would otherwise also fetch the
// latin-ext file of each weight, whose range overlaps the letters (ă, đ, ơ, ư…) the vietnamese one has.
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-500.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-500.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
// Mantine's reset and variables; each component's own styles come with it (vite.config.ts).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { localizeValidationMessages } from './app/form-errors';
import { loadLanguage } from './app/i18n';
import { Providers } from './app/providers';
import { ME_QUERY_KEY, queryClient } from './app/query-client';
import { router } from './app/router';
import { fetchMe } from './features/auth/api';

localizeValidationMessages();
// Who is signed in decides the face and its code: ask while the first screen's code is still loading.
void queryClient.prefetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000 });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
// A reader of English waits for its texts (one small file); if they cannot be had, Vietnamese it is.
void loadLanguage().then(render, render);
