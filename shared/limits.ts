/**
 * Sizes both sides agree on: the UI refuses what the backend would refuse, before sending it, and
 * says what the limit is; the browser host's WebSocket accepts every frame the contract allows.
 */

/**
 * The largest quick-reply file the import takes, in bytes (its text is never longer in characters);
 * quick replies may carry attachments, as base64 inside the file.
 */
export const MAX_IMPORT_FILE_BYTES = 20_000_000;

/** The largest file staff can attach (the highest per-file cap the media settings offer). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
/** The same file as the base64 text `uploadMedia` carries. */
export const MAX_UPLOAD_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/**
 * The largest WebSocket frame, in bytes: the bigger of the quick-reply import (its file travels as a
 * JSON string, where every `"` and `\` doubles) and an attachment's base64, plus the frame around it. The renderer checks each
 * frame against this before sending, so the host never has to cut the UI's own socket.
 */
export const MAX_WS_FRAME_BYTES = Math.max(2 * MAX_IMPORT_FILE_BYTES, MAX_UPLOAD_BASE64_CHARS) + 64 * 1024;

/**
 * The deepest nesting of arrays and objects in a valid frame: the contract's deepest input sits a
 * few levels down; anything much deeper is refused before it is parsed.
 */
export const MAX_FRAME_DEPTH = 16;

/**
 * The most chats one `getChats` page carries: big enough that 10,000 chats come in 20 pages, small
 * enough that the renderer merges a page between frames.
 */
export const MAX_CHATS_PAGE = 500;
