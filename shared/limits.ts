/**
 * Sizes both sides agree on: the UI refuses what the backend would refuse, before sending it, and
 * says what the limit is; the browser host's WebSocket accepts every frame the contract allows.
 */

/** The largest quick-reply file the import takes, in bytes (its text is never longer in characters). */
export const MAX_IMPORT_FILE_BYTES = 2_000_000;

/**
 * The largest WebSocket frame, in bytes. The import is the biggest command: its file travels as a
 * JSON string, where every `"` and `\` doubles, plus the frame around it. The renderer checks each
 * frame against this before sending, so the host never has to cut the UI's own socket.
 */
export const MAX_WS_FRAME_BYTES = 2 * MAX_IMPORT_FILE_BYTES + 64 * 1024;

/**
 * The deepest nesting of arrays and objects in a valid frame: the contract's deepest input sits a
 * few levels down; anything much deeper is refused before it is parsed.
 */
export const MAX_FRAME_DEPTH = 16;
