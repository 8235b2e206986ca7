import { render } from 'preact';
import '../../../ui/src/fonts.css';
import './track.css';
import { TrackApp } from './track.app.tsx';
import { ticketIdFromPath } from './track.state.ts';

render(<TrackApp ticketId={ticketIdFromPath(window.location.pathname)} />, document.getElementById('app')!);
