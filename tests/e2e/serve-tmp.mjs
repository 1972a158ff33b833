import { startServer } from './server.mjs';
const server = await startServer({ root: process.argv[2], port: Number(process.argv[3]), gzip: true });
console.log(server.url);
