import { screenConfig } from '../ui/vite.base.ts';

export default screenConfig('counter', { index: 'index.html', rating: 'rating.html' });
