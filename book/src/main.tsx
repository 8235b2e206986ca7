import '@ui/zod.setup';
import { render } from 'preact';
import { createApiClient } from '@client/api.client';
import '../../ui/src/fonts.css';
import '../../ui/src/phone.css';
import './book.css';
import { BookApp } from './book.app.tsx';
import { bookApi } from './book.api.ts';

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage blocked: the page works, it just forgets earlier codes
  }
})();

render(
  <BookApp api={bookApi(createApiClient({ timeoutMs: 10_000 }))} storage={storage} />,
  document.getElementById('app')!,
);
