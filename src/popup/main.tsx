import { render } from 'preact';
import '../ui/base.css';
import '../ui/card.css';
import './popup.css';
import { Popup } from './popup';

const app = document.getElementById('app');
if (app) render(<Popup />, app);
