-- Luxaris schema, H2 2.x. ${prefix} is the table prefix (default luxaris_).
-- Timestamps are TIMESTAMP(6) WITH TIME ZONE (UTC instants); JSON values are JSON; ids are UUID.
-- H2 has no partial indexes: the claim and lease indexes lead with the status.

CREATE TABLE ${prefix}channel (
    id          UUID         NOT NULL,
    channel_key varchar(100) NOT NULL,
    name        varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL,
    limits      JSON        NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    CONSTRAINT ${prefix}channel_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}channel_key_uq UNIQUE (channel_key),
    CONSTRAINT ${prefix}channel_status_ck CHECK (status IN ('active', 'disabled'))
);

CREATE TABLE ${prefix}connection (
    id                    UUID          NOT NULL,
    owner_id              varchar(200)  NOT NULL,
    channel_id            UUID          NOT NULL,
    display_name          varchar(200)  NOT NULL,
    status                varchar(16)   NOT NULL,
    status_reason         varchar(1000),
    properties            JSON         NOT NULL,
    credentials           BINARY LARGE OBJECT NOT NULL,
    credentials_expire_at TIMESTAMP(6) WITH TIME ZONE,
    refresh_expires_at    TIMESTAMP(6) WITH TIME ZONE,
    created_at            TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    last_used_at          TIMESTAMP(6) WITH TIME ZONE,
    version               bigint        NOT NULL,
    CONSTRAINT ${prefix}connection_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}connection_channel_fk FOREIGN KEY (channel_id) REFERENCES ${prefix}channel (id),
    CONSTRAINT ${prefix}connection_status_ck CHECK (status IN ('connected', 'revoked', 'error'))
);
CREATE INDEX ${prefix}connection_owner_idx ON ${prefix}connection (owner_id, created_at, id);
CREATE INDEX ${prefix}connection_channel_idx ON ${prefix}connection (channel_id, created_at, id);

CREATE TABLE ${prefix}post (
    id           UUID           NOT NULL,
    owner_id     varchar(200)   NOT NULL,
    title        varchar(300),
    base_content varchar(50000) NOT NULL,
    tags         JSON          NOT NULL,
    status       varchar(16)    NOT NULL,
    metadata     JSON          NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE    NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE    NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE,
    version      bigint         NOT NULL,
    CONSTRAINT ${prefix}post_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}post_status_ck
        CHECK (status IN ('draft', 'scheduled', 'published', 'cancelled', 'archived'))
);
-- listing: newest first, of some owners or of everyone
CREATE INDEX ${prefix}post_owner_created_idx ON ${prefix}post (owner_id, created_at DESC, id DESC);
CREATE INDEX ${prefix}post_created_idx ON ${prefix}post (created_at DESC, id DESC);

-- one row per distinct tag of a post, with the post's (immutable) owner and creation time:
-- "posts of these owners with this tag, newest first" is one index range scan
CREATE TABLE ${prefix}post_tag (
    post_id    UUID         NOT NULL,
    tag        varchar(64)  NOT NULL,
    owner_id   varchar(200) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    CONSTRAINT ${prefix}post_tag_pk PRIMARY KEY (post_id, tag),
    CONSTRAINT ${prefix}post_tag_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}post_tag_owner_idx ON ${prefix}post_tag (tag, owner_id, created_at DESC, post_id DESC);
CREATE INDEX ${prefix}post_tag_created_idx ON ${prefix}post_tag (tag, created_at DESC, post_id DESC);

CREATE TABLE ${prefix}variant (
    id            UUID           NOT NULL,
    post_id       UUID           NOT NULL,
    channel_id    UUID           NOT NULL,
    connection_id UUID,
    content       varchar(50000) NOT NULL,
    thread        JSON          NOT NULL,
    media         JSON          NOT NULL,
    tone          varchar(64),
    source        varchar(16)    NOT NULL,
    status        varchar(16)    NOT NULL,
    metadata      JSON          NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE    NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE    NOT NULL,
    published_at  TIMESTAMP(6) WITH TIME ZONE,
    version       bigint         NOT NULL,
    CONSTRAINT ${prefix}variant_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}variant_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id),
    CONSTRAINT ${prefix}variant_status_ck CHECK (status IN ('draft', 'ready', 'published', 'failed'))
);
CREATE INDEX ${prefix}variant_post_idx ON ${prefix}variant (post_id, created_at, id);

CREATE TABLE ${prefix}schedule (
    id               UUID          NOT NULL,
    post_id          UUID          NOT NULL,
    variant_id       UUID          NOT NULL,
    channel_id       UUID          NOT NULL,
    connection_id    UUID          NOT NULL,
    run_at           TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    timezone         varchar(64)   NOT NULL,
    status           varchar(16)   NOT NULL,
    attempt_count    integer       NOT NULL,
    next_attempt_at  TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    last_attempt_at  TIMESTAMP(6) WITH TIME ZONE,
    error_code       varchar(100),
    error_message    varchar(1000),
    external_post_id varchar(1000),
    external_url     varchar(1000),
    lease_owner      varchar(200),
    lease_expires_at TIMESTAMP(6) WITH TIME ZONE,
    checkpoint       JSON         NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    version          bigint        NOT NULL,
    CONSTRAINT ${prefix}schedule_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}schedule_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id),
    CONSTRAINT ${prefix}schedule_variant_fk FOREIGN KEY (variant_id) REFERENCES ${prefix}variant (id),
    CONSTRAINT ${prefix}schedule_connection_fk FOREIGN KEY (connection_id) REFERENCES ${prefix}connection (id),
    CONSTRAINT ${prefix}schedule_status_ck CHECK (status IN
        ('pending', 'queued', 'processing', 'success', 'failed', 'cancelled', 'skipped', 'unconfirmed'))
);
-- claiming: only pending schedules, in due order (also serves the next-due query)
CREATE INDEX ${prefix}schedule_claim_idx ON ${prefix}schedule (status, next_attempt_at, id);
-- reaping: only leased schedules, by lease expiry
CREATE INDEX ${prefix}schedule_lease_idx ON ${prefix}schedule (lease_expires_at, id);
-- heartbeat: the leases of one engine instance
CREATE INDEX ${prefix}schedule_lease_owner_idx ON ${prefix}schedule (lease_owner);
-- calendar range queries
CREATE INDEX ${prefix}schedule_run_at_idx ON ${prefix}schedule (run_at, id);
CREATE INDEX ${prefix}schedule_post_idx ON ${prefix}schedule (post_id, run_at, id);
CREATE INDEX ${prefix}schedule_variant_idx ON ${prefix}schedule (variant_id, run_at, id);
CREATE INDEX ${prefix}schedule_connection_idx ON ${prefix}schedule (connection_id, run_at, id);

CREATE TABLE ${prefix}publish_event (
    id               UUID          NOT NULL,
    schedule_id      UUID          NOT NULL,
    attempt_index    integer       NOT NULL,
    event_at         TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    status           varchar(16)   NOT NULL,
    external_post_id varchar(1000),
    external_url     varchar(1000),
    failure_kind     varchar(16),
    error_code       varchar(100),
    error_message    varchar(1000),
    raw_response     varchar(4096),
    CONSTRAINT ${prefix}publish_event_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}publish_event_schedule_fk FOREIGN KEY (schedule_id) REFERENCES ${prefix}schedule (id)
);
CREATE INDEX ${prefix}publish_event_schedule_idx ON ${prefix}publish_event (schedule_id, attempt_index, event_at);

CREATE TABLE ${prefix}template (
    id                 UUID           NOT NULL,
    owner_id           varchar(200)   NOT NULL,
    name               varchar(100)   NOT NULL,
    description        varchar(1000),
    body               varchar(20000) NOT NULL,
    default_channel_id UUID,
    constraints        JSON          NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE    NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE    NOT NULL,
    version            bigint         NOT NULL,
    CONSTRAINT ${prefix}template_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}template_name_uq UNIQUE (owner_id, name)
);

CREATE TABLE ${prefix}generation_session (
    id             UUID          NOT NULL,
    owner_id       varchar(200)  NOT NULL,
    post_id        UUID,
    template_id    UUID,
    prompt         varchar(4000) NOT NULL,
    status         varchar(16)   NOT NULL,
    channel_errors JSON         NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    version        bigint        NOT NULL,
    CONSTRAINT ${prefix}generation_session_pk PRIMARY KEY (id)
);
CREATE INDEX ${prefix}generation_session_owner_idx
    ON ${prefix}generation_session (owner_id, created_at DESC, id DESC);
CREATE INDEX ${prefix}generation_session_created_idx ON ${prefix}generation_session (created_at DESC, id DESC);

CREATE TABLE ${prefix}generation_suggestion (
    id         UUID             NOT NULL,
    session_id UUID             NOT NULL,
    channel_id UUID             NOT NULL,
    content    varchar(50000)   NOT NULL,
    score      DOUBLE PRECISION,
    accepted   boolean          NOT NULL,
    metadata   JSON            NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE      NOT NULL,
    version    bigint           NOT NULL,
    CONSTRAINT ${prefix}generation_suggestion_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}generation_suggestion_session_fk
        FOREIGN KEY (session_id) REFERENCES ${prefix}generation_session (id)
);
CREATE INDEX ${prefix}generation_suggestion_session_idx
    ON ${prefix}generation_suggestion (session_id, created_at, id);
