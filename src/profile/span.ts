// span moved to src/span.ts so ingest can use it too; this re-export keeps profile's and report's imports working
// while they are being changed on another branch. Import from '../span.js' in new code.
export { span } from '../span.js';
