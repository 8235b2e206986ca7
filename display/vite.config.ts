import { screenConfig } from '../ui/vite.base.ts';

export default screenConfig('display', { index: 'index.html', track: 'track.html' });
