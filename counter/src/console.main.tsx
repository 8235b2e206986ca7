import '@ui/zod.setup';
import { render } from 'preact';
import '../../ui/src/fonts.css';
import './console.css';
import { ConsoleApp } from './console.app.tsx';

render(<ConsoleApp />, document.getElementById('app')!);
