import { render } from 'preact';
import '../ui/base.css';
import './options.css';
import { Options } from './options';

const app = document.getElementById('app');
if (app) render(<Options />, app);
