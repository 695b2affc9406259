// Messages shared by the main thread and the workers.
export const timeoutMessage = (ms: number) => `processing took longer than ${ms / 1000} s (--timeout); the document was abandoned`;
export const outOfMemoryMessage = (mb: number) => `processing needed more than ${mb} MB of memory (--max-memory-mb); the document was abandoned`;
