export * from './fake-http.js';
