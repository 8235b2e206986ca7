import '@ui/zod.setup';
import { render } from 'preact';
import '../../../ui/src/fonts.css';
// The center's administration look (cards, buttons, tables, the printed summary), then the hub's own.
import '../../../admin/src/admin.css';
import '../../../admin/src/reports/reports.css';
import './province.css';
import { ProvinceApp } from './province.app.tsx';

render(<ProvinceApp storage={window.localStorage} />, document.getElementById('app')!);
