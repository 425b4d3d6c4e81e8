// What pdfkit and pdfmake expect to find globally, as in Node.
export { Buffer } from './buffer.js';
