import '@ui/zod.setup';
import { render } from 'preact';
import '../../ui/src/fonts.css';
import './admin.css';
import './monitor/monitor.css';
import './reports/reports.css';
import { AdminApp } from './admin.app.tsx';

render(<AdminApp storage={window.localStorage} />, document.getElementById('app')!);
