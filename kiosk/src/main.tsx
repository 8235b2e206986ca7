import '@ui/zod.setup';
import { render } from 'preact';
import '../../ui/src/fonts.css';
import './kiosk.base.css';
import './kiosk.screens.css';
import './kiosk.flow.css';
import './kiosk.citizen.css';
import { takeDeviceToken } from '../../ui/src/device-token.ts';
import { KioskApp, TOKEN_KEY } from './kiosk.app.tsx';

// A kiosk is touched, never right-clicked or pinched: no context menu (long press) to get stuck in.
document.addEventListener('contextmenu', (e) => e.preventDefault());

render(
  <KioskApp initialToken={takeDeviceToken(TOKEN_KEY)} storage={window.localStorage} />,
  document.getElementById('app')!,
);
