import { screenConfig } from '../../ui/vite.base.ts';

// The hub serves its screens under /province (its control room is /province, reports /province/reports), not
// under the folder's name; the build still lands in dist/province/web beside the center's screens.
export default screenConfig('province/web', { index: 'index.html' }, { base: '/province/' });
