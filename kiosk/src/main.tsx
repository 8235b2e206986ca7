import { render } from 'preact';
import '../../ui/src/fonts.css';

function App() { return <h1>Ki-ốt lấy số — Đất đai, Hộ tịch</h1>; }
render(<App />, document.getElementById('app')!);
