-- Luxaris schema, PostgreSQL. ${prefix} is the table prefix (default luxaris_).
-- Timestamps are timestamptz (UTC instants, microseconds); JSON values are jsonb; ids are uuid.

CREATE TABLE ${prefix}channel (
    id          uuid         NOT NULL,
    channel_key varchar(100) COLLATE "C" NOT NULL,
    name        varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL,
    limits      jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT ${prefix}channel_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}channel_key_uq UNIQUE (channel_key),
    CONSTRAINT ${prefix}channel_status_ck CHECK (status IN ('active', 'disabled'))
);

CREATE TABLE ${prefix}connection (
    id                    uuid          NOT NULL,
    owner_id              varchar(200)  NOT NULL,
    channel_id            uuid          NOT NULL,
    display_name          varchar(200)  NOT NULL,
    status                varchar(16)   NOT NULL,
    status_reason         varchar(1000),
    properties            jsonb         NOT NULL,
    credentials           bytea         NOT NULL,
    credentials_expire_at timestamptz,
    refresh_expires_at    timestamptz,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    last_used_at          timestamptz,
    version               bigint        NOT NULL,
    CONSTRAINT ${prefix}connection_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}connection_channel_fk FOREIGN KEY (channel_id) REFERENCES ${prefix}channel (id),
    CONSTRAINT ${prefix}connection_status_ck CHECK (status IN ('connected', 'revoked', 'error'))
);
CREATE INDEX ${prefix}connection_owner_idx ON ${prefix}connection (owner_id, created_at, id);
CREATE INDEX ${prefix}connection_channel_idx ON ${prefix}connection (channel_id, created_at, id);

CREATE TABLE ${prefix}post (
    id           uuid           NOT NULL,
    owner_id     varchar(200)   NOT NULL,
    title        varchar(300),
    base_content varchar(50000) NOT NULL,
    tags         jsonb          NOT NULL,
    status       varchar(16)    NOT NULL,
    metadata     jsonb          NOT NULL,
    created_at   timestamptz    NOT NULL,
    updated_at   timestamptz    NOT NULL,
    published_at timestamptz,
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
    post_id    uuid         NOT NULL,
    tag        varchar(64)  NOT NULL,
    owner_id   varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL,
    CONSTRAINT ${prefix}post_tag_pk PRIMARY KEY (post_id, tag),
    CONSTRAINT ${prefix}post_tag_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}post_tag_owner_idx ON ${prefix}post_tag (tag, owner_id, created_at DESC, post_id DESC);
CREATE INDEX ${prefix}post_tag_created_idx ON ${prefix}post_tag (tag, created_at DESC, post_id DESC);

CREATE TABLE ${prefix}variant (
    id            uuid           NOT NULL,
    post_id       uuid           NOT NULL,
    channel_id    uuid           NOT NULL,
    connection_id uuid,
    content       varchar(50000) NOT NULL,
    thread        jsonb          NOT NULL,
    media         jsonb          NOT NULL,
    tone          varchar(64),
    source        varchar(16)    NOT NULL,
    status        varchar(16)    NOT NULL,
    metadata      jsonb          NOT NULL,
    created_at    timestamptz    NOT NULL,
    updated_at    timestamptz    NOT NULL,
    published_at  timestamptz,
    version       bigint         NOT NULL,
    CONSTRAINT ${prefix}variant_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}variant_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id),
    CONSTRAINT ${prefix}variant_status_ck CHECK (status IN ('draft', 'ready', 'published', 'failed'))
);
CREATE INDEX ${prefix}variant_post_idx ON ${prefix}variant (post_id, created_at, id);

CREATE TABLE ${prefix}schedule (
    id               uuid          NOT NULL,
    post_id          uuid          NOT NULL,
    variant_id       uuid          NOT NULL,
    channel_id       uuid          NOT NULL,
    connection_id    uuid          NOT NULL,
    run_at           timestamptz   NOT NULL,
    timezone         varchar(64)   NOT NULL,
    status           varchar(16)   NOT NULL,
    attempt_count    integer       NOT NULL,
    next_attempt_at  timestamptz   NOT NULL,
    last_attempt_at  timestamptz,
    error_code       varchar(100),
    error_message    varchar(1000),
    external_post_id varchar(1000),
    external_url     varchar(1000),
    lease_owner      varchar(200),
    lease_expires_at timestamptz,
    checkpoint       jsonb         NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL,
    CONSTRAINT ${prefix}schedule_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}schedule_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id),
    CONSTRAINT ${prefix}schedule_variant_fk FOREIGN KEY (variant_id) REFERENCES ${prefix}variant (id),
    CONSTRAINT ${prefix}schedule_connection_fk FOREIGN KEY (connection_id) REFERENCES ${prefix}connection (id),
    CONSTRAINT ${prefix}schedule_status_ck CHECK (status IN
        ('pending', 'queued', 'processing', 'success', 'failed', 'cancelled', 'skipped', 'unconfirmed'))
);
-- claiming: only pending schedules, in due order (also serves the next-due query)
CREATE INDEX ${prefix}schedule_claim_idx ON ${prefix}schedule (next_attempt_at, id) WHERE status = 'pending';
-- reaping: only leased schedules, by lease expiry
CREATE INDEX ${prefix}schedule_lease_idx ON ${prefix}schedule (lease_expires_at, id)
    WHERE status IN ('queued', 'processing');
-- heartbeat: the leases of one engine instance
CREATE INDEX ${prefix}schedule_lease_owner_idx ON ${prefix}schedule (lease_owner)
    WHERE status IN ('queued', 'processing');
-- calendar range queries
CREATE INDEX ${prefix}schedule_run_at_idx ON ${prefix}schedule (run_at, id);
CREATE INDEX ${prefix}schedule_post_idx ON ${prefix}schedule (post_id, run_at, id);
CREATE INDEX ${prefix}schedule_variant_idx ON ${prefix}schedule (variant_id, run_at, id);
CREATE INDEX ${prefix}schedule_connection_idx ON ${prefix}schedule (connection_id, run_at, id);

CREATE TABLE ${prefix}publish_event (
    id               uuid          NOT NULL,
    schedule_id      uuid          NOT NULL,
    attempt_index    integer       NOT NULL,
    event_at         timestamptz   NOT NULL,
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
    id                 uuid           NOT NULL,
    owner_id           varchar(200)   NOT NULL,
    name               varchar(100)   COLLATE "C" NOT NULL,
    description        varchar(1000),
    body               varchar(20000) NOT NULL,
    default_channel_id uuid,
    constraints        jsonb          NOT NULL,
    created_at         timestamptz    NOT NULL,
    updated_at         timestamptz    NOT NULL,
    version            bigint         NOT NULL,
    CONSTRAINT ${prefix}template_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}template_name_uq UNIQUE (owner_id, name)
);

CREATE TABLE ${prefix}generation_session (
    id             uuid          NOT NULL,
    owner_id       varchar(200)  NOT NULL,
    post_id        uuid,
    template_id    uuid,
    prompt         varchar(4000) NOT NULL,
    status         varchar(16)   NOT NULL,
    channel_errors jsonb         NOT NULL,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    version        bigint        NOT NULL,
    CONSTRAINT ${prefix}generation_session_pk PRIMARY KEY (id)
);
CREATE INDEX ${prefix}generation_session_owner_idx
    ON ${prefix}generation_session (owner_id, created_at DESC, id DESC);
CREATE INDEX ${prefix}generation_session_created_idx ON ${prefix}generation_session (created_at DESC, id DESC);

CREATE TABLE ${prefix}generation_suggestion (
    id         uuid             NOT NULL,
    session_id uuid             NOT NULL,
    channel_id uuid             NOT NULL,
    content    varchar(50000)   NOT NULL,
    score      double precision,
    accepted   boolean          NOT NULL,
    metadata   jsonb            NOT NULL,
    created_at timestamptz      NOT NULL,
    version    bigint           NOT NULL,
    CONSTRAINT ${prefix}generation_suggestion_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}generation_suggestion_session_fk
        FOREIGN KEY (session_id) REFERENCES ${prefix}generation_session (id)
);
CREATE INDEX ${prefix}generation_suggestion_session_idx
    ON ${prefix}generation_suggestion (session_id, created_at, id);
