import '@ui/zod.setup';
import { render } from 'preact';
import '../../ui/src/fonts.css';
import './rating.css';
import { RatingApp } from './rating.app.tsx';

render(<RatingApp />, document.getElementById('app')!);
