/** The worker that reads journal pages for the window (answer-worker.ts). Its script is served with the app's CSP, which forbids eval. */
import './zod-jitless';
import { serveAnswerReading } from './answer-worker';

serveAnswerReading(self);
