import { render } from 'preact';
import '../../../ui/src/fonts.css';
import '../../../ui/src/phone.css';
import './track.css';
import { TrackApp } from './track.app.tsx';
import { ticketIdFromPath } from './track.state.ts';

render(<TrackApp ticketId={ticketIdFromPath(window.location.pathname)} />, document.getElementById('app')!);
