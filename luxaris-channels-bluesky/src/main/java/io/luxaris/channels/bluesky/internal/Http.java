package io.luxaris.channels.bluesky.internal;

/** The XRPC method names used in requests. */
final class Http {
    static final String CREATE_SESSION = "com.atproto.server.createSession";
    static final String REFRESH_SESSION = "com.atproto.server.refreshSession";
    static final String CREATE_RECORD = "com.atproto.repo.createRecord";
    static final String GET_RECORD = "com.atproto.repo.getRecord";
    static final String DELETE_RECORD = "com.atproto.repo.deleteRecord";
    static final String UPLOAD_BLOB = "com.atproto.repo.uploadBlob";
    static final String RESOLVE_HANDLE = "com.atproto.identity.resolveHandle";

    /** The collection of posts. */
    static final String POST_COLLECTION = "app.bsky.feed.post";

    private Http() {}
}
