import '../../shared/src/base.css';
import './badge.css';
import { createRoot } from 'react-dom/client';
import { enableTheme } from './api';
import { App } from './App';

void enableTheme();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
