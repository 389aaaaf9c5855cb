// `npm start`: serve the built app on 127.0.0.1 and print its address.
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 4173);
const server = await startStaticServer({ root: new URL('../dist', import.meta.url).pathname, port });
console.log(`WizardVicuna Chat is running at ${server.url}/`);
console.log('Open it in Chrome or Edge 137+ (WebGPU). Press Ctrl+C to stop.');
