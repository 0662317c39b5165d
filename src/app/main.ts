// Entry point: create the services, hand them to the shell, then load what was saved.
import { createServices } from './services.js';
import './stride-app.js';

const services = createServices();
const app = document.querySelector('stride-app');
if (app) app.services = services;

void services.settings.load();
void services.footpod.findRemembered();
