import type { Plugin } from 'vite';
export declare function serviceWorkerPlugin(): Plugin;
