import { drawPreview, loadPdfjs } from '../writers/preview-png.js';
import { answerRequests } from './thread-messages.js';
import type { PreviewRequest } from './previews.js';

// Loading pdf.js takes a third of a second: it starts now, while the main thread is still composing.
// A failure to load is reported with the first preview that needs it.
loadPdfjs().catch(() => {});

answerRequests(async ({ pdf }: PreviewRequest) => ({ png: await drawPreview(pdf) }));
