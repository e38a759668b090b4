/**
 * The WhatsApp Web module names the stand-in page implements, and the ones it deliberately leaves
 * out. The page (`page/wa-page.js`) is the implementation; a unit test checks that the page's own
 * list equals `PROVIDED_MODULES`, so this file and the page cannot drift apart.
 *
 * When whatsapp-web.js is upgraded, `npm run wa:canary` lists the names the new library references
 * that appear in neither list, and the canary test fails on any name the library asks for at run
 * time that is not provided and not listed as optional.
 */

export const PROVIDED_MODULES = [
  // login, QR, auth store
  'WAWebSocketModel',
  'WAWebCmd',
  'WAWebConnModel',
  'WAWebOfflineHandler',
  'WAWebAltDeviceLinkingApi',
  'WAWebLaunchSocketUtils',
  'WABase64',
  'WAWebCompanionRegClientUtils',
  'WAWebAdvSignatureApi',
  'WAWebUserPrefsInfoStore',
  'WAWebSignalStoreApi',
  'WAWebUserPrefsMultiDevice',
  'WAWebUserPrefsMeUser',
  'WAWebMiscBrowserUtils',
  // collections and ids
  'WAWebCollections',
  'WAWebWidFactory',
  'WAWebMsgKey',
  'WAWebSyncGatingUtils',
  'WAWebCallCollection',
  'WAWebAddonReactionTableMode',
  'WALinkify',
  // chats, contacts, history
  'WAWebFindChatAction',
  'WAWebChatLoadMessages',
  'WAWebChatGetters',
  'WAWebLidMigrationUtils',
  'WAWebContactGetters',
  'WAWebFrontendContactGetters',
  'WAWebApiContact',
  // sending
  'WAWebSendMsgChatAction',
  'WAWebGetEphemeralFieldsMsgActionsUtils',
  'WAWebLinkPreviewChatAction',
  'WAWebStreamModel',
  'WAWebUpdateUnreadChatAction',
  'WAWebPresenceChatAction',
  // media: prepare, upload and download (issue 18)
  'WAWebMediaOpaqueData',
  'WAWebPrepRawMedia',
  'WAWebMediaStorage',
  'WAWebMmsMediaTypes',
  'WAWebMediaDataUtils',
  'WAWebMediaInMemoryBlobCache',
  'WAWebMediaMmsV4Upload',
  'WAWebDownloadManager',
] as const;

/**
 * Names the library asks for on the paths Janela uses, but guards: `injectToFunction` returns
 * quietly when the module is missing (media-type patches for location and invite messages, and
 * poll votes, which Janela does not handle). Leaving them out keeps the stand-in small.
 */
export const OPTIONAL_MODULES = [
  'WAWebBackendJobsCommon',
  'WAWebE2EProtoUtils',
  'WAWebAddonPollVoteTableMode',
] as const;

export type ProvidedModule = (typeof PROVIDED_MODULES)[number];
