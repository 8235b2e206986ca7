import { screenConfig } from '../ui/vite.base.ts';

export default screenConfig('book');
