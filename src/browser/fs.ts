// Node's fs for the browser bundle: a browser reads no files, and kernekit gives pdfkit
// everything as data (fonts through pdfmake's virtual file system). pdfkit's standard
// fonts, the only files it would read, are never used.

function noFiles(path: unknown): never {
  throw new Error(`the planner cannot read ${String(path)}: a browser reads no files`);
}

export const readFileSync = noFiles;
export const existsSync = () => false;
export default { readFileSync, existsSync };
