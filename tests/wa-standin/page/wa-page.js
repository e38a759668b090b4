// The stand-in WhatsApp Web page. It runs in the browser that whatsapp-web.js drives, served as
// https://web.whatsapp.com/ by tests/wa-standin/server.ts. It implements only the slice of WhatsApp
// Web's module system (`window.require(name)`) that the installed whatsapp-web.js uses for login,
// sync, messages, sends and state changes; the server plays the phone and WhatsApp's servers over a
// WebSocket on the same origin. Plain browser JavaScript on purpose: it is served as is, no build.
/* global window, document, localStorage, location, WebSocket, btoa, atob, Blob, FileReader, fetch */
(() => {
  'use strict';

  const BOOT = window.__STANDIN_BOOT__ || {};
  window.Debug = { VERSION: BOOT.version || '2.3000.1017054665' };

  const DEVICE_KEY = 'standin-device';
  const pageId = Math.random().toString(36).slice(2, 10);

  // ---------------------------------------------------------------- transport to the server
  const outbox = [];
  let ws = null;
  function post(message) {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    else outbox.push(message);
  }

  // ---------------------------------------------------------------- Backbone-like events
  class Emitter {
    constructor() {
      Object.defineProperty(this, '_events', { value: new Map(), enumerable: false, writable: true });
    }
    on(names, fn, context) {
      for (const name of String(names).split(/\s+/).filter(Boolean)) {
        if (!this._events.has(name)) this._events.set(name, []);
        this._events.get(name).push({ fn, context });
        this._listenerAdded(name);
      }
      return this;
    }
    once(names, fn, context) {
      const wrapper = (...args) => {
        this.off(names, wrapper);
        return fn.apply(context || this, args);
      };
      return this.on(names, wrapper, context);
    }
    off(names, fn) {
      if (!names) {
        this._events.clear();
        return this;
      }
      for (const name of String(names).split(/\s+/).filter(Boolean)) {
        const list = this._events.get(name);
        if (!list) continue;
        this._events.set(name, fn ? list.filter((entry) => entry.fn !== fn) : []);
      }
      return this;
    }
    listenerCount(name) {
      return (this._events.get(name) || []).length;
    }
    trigger(name, ...args) {
      for (const entry of [...(this._events.get(name) || [])]) {
        try {
          entry.fn.apply(entry.context || this, args);
        } catch (error) {
          console.error('[stand-in] listener for', name, 'threw', error);
        }
      }
      return this;
    }
    emit(name, ...args) {
      return this.trigger(name, ...args);
    }
    _listenerAdded() {}
  }

  // A model keeps its attributes as plain properties (the library reads `msg.body`, `chat.t`) and
  // remembers which ones are attributes, so serialize() returns data and no internals.
  class Model extends Emitter {
    constructor(attributes) {
      super();
      Object.defineProperty(this, '_attributeNames', { value: new Set(), enumerable: false });
      Object.defineProperty(this, '_collections', { value: [], enumerable: false });
      for (const [key, value] of Object.entries(attributes || {})) {
        this._attributeNames.add(key);
        this[key] = value;
      }
    }
    set(keyOrAttributes, value) {
      const attributes = typeof keyOrAttributes === 'string' ? { [keyOrAttributes]: value } : keyOrAttributes;
      const changed = [];
      for (const [key, next] of Object.entries(attributes)) {
        const previous = this[key];
        this._attributeNames.add(key);
        this[key] = next;
        if (previous !== next) changed.push([key, next, previous]);
      }
      for (const [key, next, previous] of changed) this.bubble('change:' + key, this, next, previous);
      if (changed.length) this.bubble('change', this);
      return this;
    }
    get(key) {
      return this[key];
    }
    // Backbone forwards a model's events to the collections holding it; the library listens on
    // `Msg.on('change:ack')`, not on each message.
    bubble(name, ...args) {
      this.trigger(name, ...args);
      for (const collection of this._collections) collection.trigger(name, ...args);
    }
    serialize() {
      const data = {};
      for (const key of this._attributeNames) data[key] = this[key];
      return data;
    }
    toJSON() {
      return this.serialize();
    }
  }

  class Collection extends Emitter {
    constructor(modelClass) {
      super();
      this.modelClass = modelClass;
      Object.defineProperty(this, '_byId', { value: new Map(), enumerable: false });
    }
    static keyOf(id) {
      if (id == null) return undefined;
      return typeof id === 'string' ? id : id._serialized;
    }
    get length() {
      return this._byId.size;
    }
    get(id) {
      return this._byId.get(Collection.keyOf(id));
    }
    add(models, options) {
      const list = Array.isArray(models) ? models : [models];
      const added = [];
      for (const model of list) {
        const key = Collection.keyOf(model.id);
        const existing = this._byId.get(key);
        if (existing) {
          added.push(existing);
          continue;
        }
        this._byId.set(key, model);
        model._collections.push(this);
        added.push(model);
        this.trigger('add', model, this, options || {});
      }
      return Array.isArray(models) ? added : added[0];
    }
    remove(model) {
      const key = Collection.keyOf(model.id);
      if (!this._byId.delete(key)) return;
      const index = model._collections.indexOf(this);
      if (index >= 0) model._collections.splice(index, 1);
      this.trigger('remove', model, this);
    }
    getModelsArray() {
      return [...this._byId.values()];
    }
    toArray() {
      return this.getModelsArray();
    }
    async find(id) {
      return this.get(id) || null;
    }
  }

  // ---------------------------------------------------------------- ids
  class Wid {
    constructor(serialized) {
      const text = typeof serialized === 'string' ? serialized : serialized._serialized;
      const at = text.indexOf('@');
      this.server = at >= 0 ? text.slice(at + 1) : 'c.us';
      this.user = at >= 0 ? text.slice(0, at) : text;
      this._serialized = this.user + '@' + this.server;
    }
    isUser() {
      return this.server === 'c.us' || this.server === 'lid';
    }
    isLid() {
      return this.server === 'lid';
    }
    isGroup() {
      return this.server === 'g.us';
    }
    isStatus() {
      return this._serialized === 'status@broadcast';
    }
    isBroadcast() {
      return this.server === 'broadcast';
    }
    isNewsletter() {
      return this.server === 'newsletter';
    }
    isServer() {
      return this.server === 's.whatsapp.net';
    }
    equals(other) {
      return other != null && Collection.keyOf(other) === this._serialized;
    }
    toString() {
      return this._serialized;
    }
    toJid() {
      return this.user + '@' + (this.server === 'c.us' ? 's.whatsapp.net' : this.server);
    }
  }
  const wid = (value) => (value instanceof Wid ? value : new Wid(value));

  function randomHex(bytes) {
    const data = new Uint8Array(bytes);
    window.crypto.getRandomValues(data);
    return [...data]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
  }

  // The library builds keys as `new MsgKey({ from, to, id, participant, selfDir })`; the page
  // builds them from stored history as `{ fromMe, remote, id, participant }`.
  class MsgKey {
    constructor({ from, to, id, participant, selfDir, fromMe, remote }) {
      this.fromMe = selfDir ? selfDir === 'out' : Boolean(fromMe);
      this.remote = wid(remote || (this.fromMe ? to : from));
      this.id = id;
      if (participant) this.participant = wid(participant);
      this._serialized =
        String(this.fromMe) +
        '_' +
        this.remote._serialized +
        '_' +
        id +
        (participant ? '_' + wid(participant)._serialized : '');
    }
    static newId() {
      return Promise.resolve('3EB0' + randomHex(8));
    }
    toString() {
      return this._serialized;
    }
  }

  // ---------------------------------------------------------------- models and collections
  class MsgModel extends Model {
    get isStatusV3() {
      return Boolean(this.id && this.id.remote && this.id.remote._serialized === 'status@broadcast');
    }
    get isEphemeral() {
      return false;
    }
    get isNotification() {
      return false;
    }
    unsafe() {
      return this;
    }
    canReply() {
      return true;
    }
    msgContextInfo() {
      return {};
    }
  }

  class ChatModel extends Model {
    constructor(attributes) {
      super(attributes);
      Object.defineProperty(this, 'msgs', { value: new Collection(MsgModel), enumerable: false });
      Object.defineProperty(this, 'earlierMsgs', { value: [], enumerable: false, writable: true });
      this.mute = { expiration: 0 };
    }
    serialize() {
      const data = super.serialize();
      data.msgs = this.msgs.getModelsArray().map((m) => m.id._serialized);
      return data;
    }
  }

  class ContactModel extends Model {
    get isContactBlocked() {
      return false;
    }
  }

  class GroupMetadataModel extends Model {}

  const Msg = new Collection(MsgModel);
  const Chat = new Collection(ChatModel);
  const Contact = new Collection(ContactModel);
  const GroupMetadata = new Collection(GroupMetadataModel);
  GroupMetadata.update = async () => undefined;
  GroupMetadata.find = async (id) => GroupMetadata.get(id) || null;
  const Blocklist = new Collection(Model);
  const BusinessProfile = new Collection(Model);
  BusinessProfile.find = async () => ({});
  const WAWebNewsletterCollection = new Collection(ChatModel);
  Msg.getMessagesById = async (ids) => ({
    messages: ids.map((id) => Msg.get(id) || materializeEarlier(id)).filter(Boolean),
  });
  Msg.search = async () => ({ messages: [] });

  const Socket = new Model({ state: 'OPENING', hasSynced: false, stream: 'CONNECTED' });
  const Cmd = new Emitter();
  const Conn = new Model({
    ref: null,
    pushname: null,
    platform: 'android',
    battery: 100,
    plugged: true,
    phone: undefined,
  });
  const calls = new Map();

  let me = null;
  let meLid = null;
  let qrTimer = null;
  let syncTimer = null;
  let recoverTimer = null;
  const pendingSends = new Map();

  // ---------------------------------------------------------------- state machine
  function setState(state) {
    Socket.set('state', state);
    post({ type: 'state', state, hasSynced: Socket.hasSynced });
  }

  // `ready` hangs on `change:hasSynced`; flipping it before the library listens loses it, so the
  // flip waits for a listener (and for the connection).
  function maybeSync() {
    if (syncTimer || Socket.hasSynced || Socket.state !== 'CONNECTED') return;
    if (Socket.listenerCount('change:hasSynced') === 0) return;
    syncTimer = setTimeout(() => {
      syncTimer = null;
      if (Socket.hasSynced || Socket.state !== 'CONNECTED') return;
      Cmd.trigger('offline_progress_update_from_bridge');
      Socket.set('hasSynced', true);
      post({ type: 'state', state: Socket.state, hasSynced: true });
    }, 20);
  }
  Socket._listenerAdded = (name) => {
    if (name === 'change:hasSynced') maybeSync();
  };
  // The last listener whatsapp-web.js's inject() attaches: after it, destroying the client no
  // longer races the injection.
  Cmd._listenerAdded = (name) => {
    if (name === 'logout_from_bridge') post({ type: 'injected' });
  };
  Msg._listenerAdded = (name) => {
    if (name === 'add') post({ type: 'listening' });
  };

  function newQrRef() {
    return '2@' + btoa(randomHex(24)).slice(0, 40);
  }
  function showQr() {
    const ref = newQrRef();
    Conn.set('ref', ref);
    post({ type: 'qr', ref });
  }
  function startQrRotation() {
    stopQrRotation();
    if (BOOT.qrRotateMs > 0) qrTimer = setInterval(showQr, BOOT.qrRotateMs);
  }
  function stopQrRotation() {
    if (qrTimer) clearInterval(qrTimer);
    qrTimer = null;
  }

  function connectLinked(snapshot) {
    loadSnapshot(snapshot);
    setTimeout(() => {
      setState('CONNECTED');
      maybeSync();
    }, 30);
  }

  function forgetLink() {
    localStorage.removeItem(DEVICE_KEY);
  }

  // ---------------------------------------------------------------- history
  function contactFrom(info) {
    const id = wid(info.id);
    const existing = Contact.get(id);
    const attributes = {
      name: info.name || undefined,
      pushname: info.pushname || undefined,
      shortName: info.name ? String(info.name).split(' ')[0] : undefined,
    };
    if (existing) {
      existing.set(Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)));
      return existing;
    }
    return Contact.add(
      new ContactModel({
        id,
        type: 'in',
        isBusiness: false,
        isEnterprise: false,
        labels: [],
        ...attributes,
      }),
    );
  }

  function msgFromStored(stored, isNewMsg) {
    const remote = wid(stored.chatId);
    const shared = remote.isGroup() || remote.isStatus();
    const author = stored.fromMe ? me : stored.author ? wid(stored.author) : undefined;
    const key = new MsgKey({
      fromMe: stored.fromMe,
      remote,
      id: stored.id,
      participant: shared ? author : undefined,
    });
    return new MsgModel({
      id: key,
      type: stored.type || 'chat',
      body: stored.body,
      t: stored.t,
      from: stored.fromMe ? me : remote,
      to: stored.fromMe ? remote : me,
      author: shared ? author : undefined,
      self: stored.fromMe ? 'out' : 'in',
      ack: stored.ack == null ? (stored.fromMe ? 1 : 0) : stored.ack,
      isNewMsg,
      notifyName: stored.notifyName || '',
      star: false,
      broadcast: remote.isStatus(),
      isForwarded: false,
      forwardingScore: 0,
      mentionedJidList: [],
      groupMentions: [],
      ...mediaAttributes(stored),
    });
  }

  // An attachment as WhatsApp Web's message model holds it once the phone's upload is resolved:
  // the library sees `directPath` (hasMedia), reads type, name, size and caption, and downloads
  // through WAWebDownloadManager from the stand-in server.
  function mediaAttributes(stored) {
    const attributes = {};
    if (stored.media) {
      const m = stored.media;
      Object.assign(attributes, {
        mimetype: m.mimetype,
        size: m.size,
        directPath: m.directPath,
        mediaKey: 'standin-media-key',
        mediaKeyTimestamp: stored.t,
        filehash: m.filehash,
        encFilehash: m.filehash,
        mediaData: { mediaStage: 'RESOLVED' },
      });
      if (m.filename !== undefined) attributes.filename = m.filename;
      if (m.caption !== undefined) attributes.caption = m.caption;
      if (m.duration !== undefined) attributes.duration = String(m.duration);
    }
    if (stored.location) {
      const l = stored.location;
      Object.assign(attributes, {
        lat: l.latitude,
        lng: l.longitude,
        loc: [l.name, l.address].filter(Boolean).join('\n') || undefined,
      });
    }
    return attributes;
  }

  function chatFrom(info) {
    const id = wid(info.id);
    let chat = Chat.get(id);
    if (!chat) {
      chat = new ChatModel({
        id,
        name: info.name || undefined,
        formattedTitle: info.name || id.user,
        t: info.t || 0,
        unreadCount: info.unreadCount || 0,
        archive: false,
        pin: 0,
        isLocked: false,
        muteExpiration: 0,
        isReadOnly: false,
        notSpam: true,
      });
      if (id.isGroup()) {
        chat.groupMetadata = GroupMetadata.add(
          new GroupMetadataModel({
            id,
            owner: me,
            subject: info.name || id.user,
            creation: info.t || 0,
            desc: '',
            participants: (info.participants || []).map((p) => ({ id: wid(p), isAdmin: false, isSuperAdmin: false })),
            announce: false,
            restrict: false,
          }),
        );
      }
      Chat.add(chat);
    }
    return chat;
  }

  function loadSnapshot(snapshot) {
    me = wid(snapshot.me.id);
    meLid = wid(snapshot.me.lid);
    Conn.set({ pushname: snapshot.me.pushname });
    for (const info of snapshot.contacts || []) contactFrom(info);
    const chats = [...(snapshot.chats || [])].sort((a, b) => b.t - a.t);
    for (const info of chats) {
      const chat = chatFrom(info);
      const messages = [...(info.messages || [])].sort((a, b) => a.t - b.t);
      const keep = Math.max(0, BOOT.historyInMemory == null ? 3 : BOOT.historyInMemory);
      const inMemory = keep === 0 ? [] : messages.slice(-keep);
      chat.earlierMsgs = messages.slice(0, messages.length - inMemory.length);
      let last = null;
      for (const stored of inMemory) {
        last = msgFromStored(stored, false);
        chat.msgs.add(last);
        Msg.add(last);
      }
      chat.set({ t: info.t, unreadCount: info.unreadCount || 0, lastReceivedKey: last ? last.id : undefined });
    }
  }

  // Messages older than what is in memory are only reachable through loadEarlierMsgs or by id.
  function materializeEarlier(serializedId) {
    for (const chat of Chat.getModelsArray()) {
      const index = chat.earlierMsgs.findIndex(
        (stored) => msgFromStored(stored, false).id._serialized === serializedId,
      );
      if (index >= 0) return msgFromStored(chat.earlierMsgs[index], false);
    }
    return undefined;
  }

  function loadEarlierMsgs({ chat }) {
    const page = BOOT.historyPageSize || 10;
    const batch = chat.earlierMsgs.slice(-page);
    chat.earlierMsgs = chat.earlierMsgs.slice(0, chat.earlierMsgs.length - batch.length);
    const models = batch.map((stored) => msgFromStored(stored, false));
    for (const msg of models) {
      chat.msgs.add(msg);
      Msg.add(msg);
    }
    return Promise.resolve(models);
  }

  // ---------------------------------------------------------------- live events from the server
  function receive(message) {
    const contact = message.contact ? contactFrom(message.contact) : null;
    if (message.stored.chatId === 'status@broadcast') {
      Msg.add(msgFromStored(message.stored, true));
      return contact;
    }
    const chat = chatFrom(message.chat);
    const msg = msgFromStored(message.stored, true);
    chat.msgs.add(msg);
    chat.set({
      t: message.stored.t,
      lastReceivedKey: msg.id,
      unreadCount: message.chat.unreadCount,
    });
    Msg.add(msg);
    return contact;
  }

  function applyAck(key, ack) {
    const msg = Msg.get(key);
    if (msg && (msg.ack < ack || ack < 0)) msg.set('ack', ack);
  }

  function settleSend(key, outcome, reason) {
    const pending = pendingSends.get(key);
    if (!pending) return;
    if (outcome === 'hang') return;
    pendingSends.delete(key);
    if (outcome === 'reject') {
      const msg = Msg.get(key);
      if (msg) {
        Msg.remove(msg);
        pending.chat.msgs.remove(msg);
      }
      pending.added.reject(new Error(reason || 'stand-in: the send failed'));
      pending.result.resolve({ messageSendResult: 'ERROR' });
      return;
    }
    pending.added.resolve();
    pending.result.resolve({ messageSendResult: 'OK' });
  }

  const handlers = {
    init(message) {
      const deviceId = localStorage.getItem(DEVICE_KEY);
      if (message.linked && deviceId) {
        connectLinked(message.snapshot);
      } else {
        forgetLink();
        setState('UNPAIRED');
        showQr();
        startQrRotation();
      }
    },
    scan(message) {
      if (Socket.state !== 'UNPAIRED' && Socket.state !== 'UNPAIRED_IDLE') return;
      stopQrRotation();
      localStorage.setItem(DEVICE_KEY, message.deviceId);
      setState('OPENING');
      connectLinked(message.snapshot);
    },
    'rotate-qr'() {
      if (Socket.state === 'UNPAIRED' || Socket.state === 'UNPAIRED_IDLE') showQr();
    },
    inbound(message) {
      if (Socket.state === 'UNPAIRED') return;
      receive(message);
    },
    ack(message) {
      applyAck(message.key, message.ack);
    },
    // Deleted for everyone: WhatsApp Web turns the same message model into type `revoked`.
    revoke(message) {
      const msg = Msg.get(message.key);
      if (msg) msg.set({ body: '', caption: undefined, directPath: undefined, type: 'revoked' });
    },
    'send-result'(message) {
      settleSend(message.key, message.outcome, message.reason);
    },
    'read-on-phone'(message) {
      const chat = Chat.get(message.chatId);
      if (chat) chat.set('unreadCount', 0);
    },
    call(message) {
      // WhatsApp Web's call model holds the caller as a Wid, which reaches Node as an object.
      calls.set(message.call.id, { ...message.call, peerJid: wid(message.call.peerJid) });
    },
    reaction(message) {
      const r = message.reaction;
      modules.WAWebAddonReactionTableMode.reactionTableMode.bulkUpsert([
        {
          id: new MsgKey({
            fromMe: false,
            remote: r.chatId,
            id: r.id,
            participant: wid(r.chatId).isGroup() ? r.from : undefined,
          }),
          reactionParentKey: Msg.get(r.parentKey) ? Msg.get(r.parentKey).id : r.parentKey,
          reactionTimestamp: r.t * 1000,
          reactionText: r.text,
          from: wid(r.from),
          author: wid(r.from),
          read: false,
          orphan: 0,
          orphanReason: null,
        },
      ]);
    },
    state(message) {
      if (recoverTimer) clearTimeout(recoverTimer);
      recoverTimer = null;
      if (message.unlink) forgetLink();
      // An idle QR page stops rotating until someone asks for a new QR (Cmd.refreshQR).
      if (message.state === 'UNPAIRED_IDLE') stopQrRotation();
      setState(message.state);
      if (message.recoverAfterMs != null) {
        recoverTimer = setTimeout(() => {
          recoverTimer = null;
          setState('OPENING');
          setTimeout(() => {
            setState('CONNECTED');
            post({ type: 'recovered' });
          }, 30);
        }, message.recoverAfterMs);
      }
    },
    'logout-from-phone'() {
      // What WhatsApp Web does when the phone removes this device: it forgets the link, tells its
      // listeners and navigates to the logged-out page.
      forgetLink();
      Cmd.trigger('logout');
      setTimeout(() => location.assign('/?post_logout=1'), 50);
    },
    reload() {
      location.reload();
    },
  };

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    ws = new WebSocket(scheme + location.host + '/standin/ws');
    ws.addEventListener('open', () => {
      ws.send(
        JSON.stringify({ type: 'hello', pageId, deviceId: localStorage.getItem(DEVICE_KEY), url: location.href }),
      );
      for (const message of outbox.splice(0)) ws.send(JSON.stringify(message));
    });
    ws.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      const handler = handlers[message.type];
      if (handler) handler(message);
    });
  }

  // ---------------------------------------------------------------- the modules
  function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  // ---------------------------------------------------------------- media: prepare, upload, download
  const blobsByHash = new Map();

  async function sha256Base64(blob) {
    const digest = await window.crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    return btoa(String.fromCharCode(...new Uint8Array(digest)));
  }

  function blobToBase64(blob) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(',')[1] || '');
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  }

  // What WhatsApp Web calls a file before upload; the library checks `instanceof` on the module.
  class OpaqueData {
    constructor(blob) {
      this._blob = blob;
    }
    static async createFromData(data, type) {
      return new OpaqueData(data instanceof Blob ? data : new Blob([data], { type }));
    }
    url() {
      return 'blob:standin';
    }
    formData() {
      return this._blob;
    }
    autorelease() {}
  }

  function mediaTypeFor(mimetype, params) {
    if (params.asDocument) return 'document';
    if (params.isPtt) return 'ptt';
    if (/^image\//.test(mimetype)) return 'image';
    if (/^video\//.test(mimetype)) return 'video';
    if (/^audio\//.test(mimetype)) return 'audio';
    return 'document';
  }

  const mediaModules = {
    WAWebMediaOpaqueData: OpaqueData,
    WAWebPrepRawMedia: {
      prepRawMedia: (opaque, params) => ({
        waitForPrep: async () => {
          const blob = opaque._blob;
          const filehash = await sha256Base64(blob);
          blobsByHash.set(filehash, blob);
          return new Model({
            type: mediaTypeFor(blob.type, params || {}),
            mimetype: blob.type,
            filehash,
            size: blob.size,
            ...(blob.name ? { filename: blob.name } : {}),
            mediaBlob: opaque,
            isGif: false,
          });
        },
      }),
    },
    WAWebMediaStorage: {
      getOrCreateMediaObject: (filehash) => ({
        filehash,
        contentInfo: {},
        consolidate(json) {
          this.type = json.type;
          this.size = json.size;
        },
      }),
    },
    WAWebMmsMediaTypes: { msgToMediaType: ({ type }) => type, castToV4: (type) => type },
    WAWebMediaDataUtils: { shouldUseMediaCache: () => false },
    WAWebMediaInMemoryBlobCache: { InMemoryMediaBlobCache: { put: () => undefined } },
    WAWebMediaMmsV4Upload: {
      // The servers take the bytes; the message then carries the path to fetch them from.
      uploadMedia: async ({ mediaObject, mimetype }) => {
        const blob = blobsByHash.get(mediaObject.filehash);
        if (!blob) throw new Error('stand-in: nothing prepared under this filehash');
        const directPath = '/v/t62.standin/' + randomHex(12);
        post({ type: 'upload', directPath, mimetype, data: await blobToBase64(blob) });
        return {
          mediaEntry: {
            mmsUrl: 'https://mmg.whatsapp.net' + directPath,
            deprecatedMms3Url: 'https://mmg.whatsapp.net' + directPath,
            directPath,
            mediaKey: 'standin-media-key',
            mediaKeyTimestamp: Math.floor(Date.now() / 1000),
            encFilehash: mediaObject.filehash,
            uploadHash: mediaObject.filehash,
            sidecar: null,
            firstFrameSidecar: null,
          },
        };
      },
    },
    WAWebDownloadManager: {
      downloadManager: {
        downloadAndMaybeDecrypt: async ({ directPath }) => {
          const response = await fetch('/standin/media?path=' + encodeURIComponent(directPath));
          if (!response.ok) throw new Error('stand-in: media ' + response.status);
          return response.arrayBuffer();
        },
      },
    },
  };

  const URL_PATTERN = /\bhttps?:\/\/[^\s]+/gi;
  const zeros = (n) => new Uint8Array(n).fill(7);

  const modules = {
    WAWebSocketModel: { Socket },
    WAWebCmd: {
      Cmd: Object.assign(Cmd, {
        refreshQR: () => showQr(),
      }),
    },
    WAWebConnModel: { Conn },
    WAWebOfflineHandler: { OfflineMessageHandler: { getOfflineDeliveryProgress: () => 100 } },
    WAWebAltDeviceLinkingApi: {
      setPairingType: () => undefined,
      initializeAltDeviceLinking: async () => undefined,
      initializeQRLinking: async () => undefined,
      startAltLinkingFlow: async (phoneNumber) => {
        const code = randomHex(4).slice(0, 8);
        post({ type: 'pairing-code', code, phoneNumber });
        return code;
      },
    },
    WAWebLaunchSocketUtils: { refreshQR: () => showQr() },
    WABase64: {
      encodeB64: (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))),
      decodeB64: (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)),
    },
    WAWebCompanionRegClientUtils: { DEVICE_PLATFORM: 'WEB' },
    WAWebAdvSignatureApi: { getADVEncodedIdentity: async () => zeros(32) },
    WAWebUserPrefsInfoStore: { waNoiseInfo: { get: async () => ({ staticKeyPair: { pubKey: zeros(32) } }) } },
    WAWebSignalStoreApi: {
      waSignalStore: { getRegistrationInfo: async () => ({ identityKeyPair: { pubKey: zeros(32) } }) },
    },
    WAWebUserPrefsMultiDevice: { getADVSecretKey: () => btoa('stand-in adv secret key') },
    WAWebUserPrefsMeUser: {
      getMaybeMePnUser: () => me || undefined,
      getMaybeMeLidUser: () => meLid || undefined,
      getMePnUserOrThrow: () => me,
    },
    WAWebMiscBrowserUtils: { info: () => ({ os: 'Linux', name: 'Chrome', version: '120' }) },
    WAWebCollections: { Msg, Chat, Contact, GroupMetadata, Blocklist, BusinessProfile, WAWebNewsletterCollection },
    WAWebWidFactory: {
      createWid: (value) => (value == null ? value : wid(value)),
      createWidFromWidLike: (value) => wid(value),
      createUserWid: (user, server) => wid(user + '@' + (server || 'c.us')),
      asUserWidOrThrow: (value) => {
        const result = wid(value);
        if (!result.isUser()) throw new Error('not a user wid: ' + result._serialized);
        return result;
      },
      isWidlike: (value) => value != null && typeof value._serialized === 'string',
    },
    WAWebMsgKey: MsgKey,
    WAWebSyncGatingUtils: {},
    WAWebCallCollection: { CallCollection: calls, calls, on: () => undefined },
    WAWebAddonReactionTableMode: { reactionTableMode: { bulkUpsert: async () => undefined } },
    WALinkify: {
      findLinks: (text) => (typeof text === 'string' ? text.match(URL_PATTERN) || [] : []).map((href) => ({ href })),
      findLink: (text) => {
        const found = typeof text === 'string' ? text.match(URL_PATTERN) : null;
        return found ? { href: found[0] } : null;
      },
    },
    WAWebFindChatAction: {
      findOrCreateLatestChat: async (chatWid) => {
        const id = wid(chatWid);
        return { chat: Chat.get(id) || chatFrom({ id: id._serialized, t: 0, unreadCount: 0 }) };
      },
    },
    WAWebChatLoadMessages: { loadEarlierMsgs },
    WAWebChatGetters: {
      getIsNewsletter: (chat) => chat.id.isNewsletter(),
      getIsBroadcast: (chat) => chat.id.isBroadcast(),
      getIsGroup: (chat) => chat.id.isGroup(),
    },
    WAWebLidMigrationUtils: { toPn: (value) => value, toLid: (value) => value },
    WAWebContactGetters: {
      getIsMe: (c) => me != null && c.id._serialized === me._serialized,
      getIsUser: (c) => c.id.isUser(),
      getIsGroup: (c) => c.id.isGroup(),
      getIsWAContact: () => true,
      getUserid: (c) => c.id.user,
      getVerifiedName: () => undefined,
      getVerifiedLevel: () => undefined,
      getStatusMute: () => false,
      getName: (c) => c.name,
      getShortName: (c) => c.shortName,
      getPushname: (c) => c.pushname,
      getIsEnterprise: () => false,
    },
    WAWebFrontendContactGetters: { getIsMyContact: (c) => Boolean(c.name) },
    WAWebApiContact: { getAlternateUserWid: () => undefined },
    WAWebSendMsgChatAction: {
      addAndSendMsgToChat: (chat, message) => {
        const msg = new MsgModel({ ...message });
        chat.msgs.add(msg);
        chat.set({ t: msg.t, lastReceivedKey: msg.id });
        const added = deferred();
        const result = deferred();
        const key = msg.id._serialized;
        pendingSends.set(key, { added, result, chat });
        Msg.add(msg);
        post({
          type: 'send',
          key,
          id: msg.id.id,
          to: chat.id._serialized,
          body: msg.body,
          t: msg.t,
          msgType: msg.type,
          ...(msg.directPath
            ? {
                media: {
                  directPath: msg.directPath,
                  mimetype: msg.mimetype,
                  filename: msg.filename,
                  caption: msg.caption,
                  filehash: msg.filehash,
                },
              }
            : {}),
        });
        return [added.promise, result.promise];
      },
    },
    WAWebGetEphemeralFieldsMsgActionsUtils: { getEphemeralFields: () => ({}) },
    WAWebLinkPreviewChatAction: { getLinkPreview: async () => null },
    WAWebStreamModel: { Stream: { markAvailable: () => undefined, markUnavailable: () => undefined } },
    WAWebUpdateUnreadChatAction: {
      sendSeen: async ({ chat }) => {
        if (chat.unreadCount !== 0) chat.set('unreadCount', 0);
        post({ type: 'seen', chatId: chat.id._serialized });
      },
    },
    WAWebPresenceChatAction: {
      sendPresenceAvailable: async () => undefined,
      sendPresenceUnavailable: async () => undefined,
    },
    ...mediaModules,
  };

  Socket.logout = async () => {
    // The shop unlinks from Janela: WhatsApp forgets this device.
    post({ type: 'logout' });
    forgetLink();
  };
  Socket.takeover = () => setState('CONNECTED');

  const requested = new Set();
  window.require = (name) => {
    if (!requested.has(name)) {
      requested.add(name);
      post({ type: 'modules', names: [name] });
    }
    return Object.prototype.hasOwnProperty.call(modules, name) ? modules[name] : undefined;
  };
  window.__standin = {
    pageId,
    provided: () => Object.keys(modules),
    requested: () => [...requested],
    state: () => ({ state: Socket.state, hasSynced: Socket.hasSynced, ref: Conn.ref }),
  };

  document.addEventListener('DOMContentLoaded', () => {
    document.body.setAttribute('data-standin', pageId);
  });
  connect();
})();
