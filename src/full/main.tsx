import { render } from 'preact';
import '../ui/base.css';
import '../ui/card.css';
import './full.css';
import { FullContext } from './full';

const app = document.getElementById('app');
if (app) render(<FullContext search={location.search} />, app);
