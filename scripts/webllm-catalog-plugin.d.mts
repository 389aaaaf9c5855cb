import type { Plugin } from 'vite';
export declare function webllmCatalogPlugin(): Plugin;
