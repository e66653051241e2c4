-- Luxaris schema, MariaDB 10.6+ (MySQL 8). ${prefix} is the table prefix (default luxaris_).
-- Timestamps are DATETIME(6) holding UTC; JSON values are JSON; ids are BINARY(16) (big-endian, so they sort
-- like PostgreSQL uuids). Tables are utf8mb4 with binary collation (exact, case-sensitive comparisons).
-- No partial indexes: the claim index leads with the status.

CREATE TABLE ${prefix}channel (
    id          BINARY(16)         NOT NULL,
    channel_key varchar(100) NOT NULL,
    name        varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL,
    limits      JSON        NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT ${prefix}channel_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}channel_key_uq UNIQUE (channel_key),
    CONSTRAINT ${prefix}channel_status_ck CHECK (status IN ('active', 'disabled'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}connection (
    id                    BINARY(16)          NOT NULL,
    owner_id              varchar(200)  NOT NULL,
    channel_id            BINARY(16)          NOT NULL,
    display_name          varchar(200)  NOT NULL,
    status                varchar(16)   NOT NULL,
    status_reason         varchar(1000),
    properties            JSON         NOT NULL,
    credentials           MEDIUMBLOB         NOT NULL,
    credentials_expire_at DATETIME(6),
    refresh_expires_at    DATETIME(6),
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    last_used_at          DATETIME(6),
    version               bigint        NOT NULL,
    CONSTRAINT ${prefix}connection_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}connection_channel_fk FOREIGN KEY (channel_id) REFERENCES ${prefix}channel (id),
    CONSTRAINT ${prefix}connection_status_ck CHECK (status IN ('connected', 'revoked', 'error'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}connection_owner_idx ON ${prefix}connection (owner_id, created_at, id);
CREATE INDEX ${prefix}connection_channel_idx ON ${prefix}connection (channel_id, created_at, id);

CREATE TABLE ${prefix}post (
    id           BINARY(16)           NOT NULL,
    owner_id     varchar(200)   NOT NULL,
    title        varchar(300),
    base_content MEDIUMTEXT NOT NULL,
    tags         JSON          NOT NULL,
    status       varchar(16)    NOT NULL,
    metadata     JSON          NOT NULL,
    created_at   DATETIME(6)    NOT NULL,
    updated_at   DATETIME(6)    NOT NULL,
    published_at DATETIME(6),
    version      bigint         NOT NULL,
    CONSTRAINT ${prefix}post_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}post_status_ck
        CHECK (status IN ('draft', 'scheduled', 'published', 'cancelled', 'archived'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- listing: newest first, of some owners or of everyone
CREATE INDEX ${prefix}post_owner_created_idx ON ${prefix}post (owner_id, created_at, id);
CREATE INDEX ${prefix}post_created_idx ON ${prefix}post (created_at, id);

-- one row per distinct tag of a post, with the post's (immutable) owner and creation time:
-- "posts of these owners with this tag, newest first" is one index range scan
CREATE TABLE ${prefix}post_tag (
    post_id    BINARY(16)         NOT NULL,
    tag        varchar(64)  NOT NULL,
    owner_id   varchar(200) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT ${prefix}post_tag_pk PRIMARY KEY (post_id, tag),
    CONSTRAINT ${prefix}post_tag_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}post_tag_owner_idx ON ${prefix}post_tag (tag, owner_id, created_at, post_id);
CREATE INDEX ${prefix}post_tag_created_idx ON ${prefix}post_tag (tag, created_at, post_id);

CREATE TABLE ${prefix}variant (
    id            BINARY(16)           NOT NULL,
    post_id       BINARY(16)           NOT NULL,
    channel_id    BINARY(16)           NOT NULL,
    connection_id BINARY(16),
    content       MEDIUMTEXT NOT NULL,
    thread        JSON          NOT NULL,
    media         JSON          NOT NULL,
    tone          varchar(64),
    source        varchar(16)    NOT NULL,
    status        varchar(16)    NOT NULL,
    metadata      JSON          NOT NULL,
    created_at    DATETIME(6)    NOT NULL,
    updated_at    DATETIME(6)    NOT NULL,
    published_at  DATETIME(6),
    version       bigint         NOT NULL,
    CONSTRAINT ${prefix}variant_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}variant_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id),
    CONSTRAINT ${prefix}variant_status_ck CHECK (status IN ('draft', 'ready', 'published', 'failed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}variant_post_idx ON ${prefix}variant (post_id, created_at, id);

CREATE TABLE ${prefix}schedule (
    id               BINARY(16)          NOT NULL,
    post_id          BINARY(16)          NOT NULL,
    variant_id       BINARY(16)          NOT NULL,
    channel_id       BINARY(16)          NOT NULL,
    connection_id    BINARY(16)          NOT NULL,
    run_at           DATETIME(6)   NOT NULL,
    timezone         varchar(64)   NOT NULL,
    status           varchar(16)   NOT NULL,
    attempt_count    integer       NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    last_attempt_at  DATETIME(6),
    error_code       varchar(100),
    error_message    varchar(1000),
    external_post_id varchar(1000),
    external_url     varchar(1000),
    lease_owner      varchar(200),
    lease_expires_at DATETIME(6),
    checkpoint       JSON         NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          bigint        NOT NULL,
    CONSTRAINT ${prefix}schedule_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}schedule_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id),
    CONSTRAINT ${prefix}schedule_variant_fk FOREIGN KEY (variant_id) REFERENCES ${prefix}variant (id),
    CONSTRAINT ${prefix}schedule_connection_fk FOREIGN KEY (connection_id) REFERENCES ${prefix}connection (id),
    CONSTRAINT ${prefix}schedule_status_ck CHECK (status IN
        ('pending', 'queued', 'processing', 'success', 'failed', 'cancelled', 'skipped', 'unconfirmed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
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
    id               BINARY(16)          NOT NULL,
    schedule_id      BINARY(16)          NOT NULL,
    attempt_index    integer       NOT NULL,
    event_at         DATETIME(6)   NOT NULL,
    status           varchar(16)   NOT NULL,
    external_post_id varchar(1000),
    external_url     varchar(1000),
    failure_kind     varchar(16),
    error_code       varchar(100),
    error_message    varchar(1000),
    raw_response     varchar(4096),
    CONSTRAINT ${prefix}publish_event_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}publish_event_schedule_fk FOREIGN KEY (schedule_id) REFERENCES ${prefix}schedule (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}publish_event_schedule_idx ON ${prefix}publish_event (schedule_id, attempt_index, event_at);

CREATE TABLE ${prefix}template (
    id                 BINARY(16)           NOT NULL,
    owner_id           varchar(200)   NOT NULL,
    name               varchar(100)   NOT NULL,
    description        varchar(1000),
    body               MEDIUMTEXT NOT NULL,
    default_channel_id BINARY(16),
    constraints        JSON          NOT NULL,
    created_at         DATETIME(6)    NOT NULL,
    updated_at         DATETIME(6)    NOT NULL,
    version            bigint         NOT NULL,
    CONSTRAINT ${prefix}template_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}template_name_uq UNIQUE (owner_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}generation_session (
    id             BINARY(16)          NOT NULL,
    owner_id       varchar(200)  NOT NULL,
    post_id        BINARY(16),
    template_id    BINARY(16),
    prompt         varchar(4000) NOT NULL,
    status         varchar(16)   NOT NULL,
    channel_errors JSON         NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        bigint        NOT NULL,
    CONSTRAINT ${prefix}generation_session_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}generation_session_owner_idx
    ON ${prefix}generation_session (owner_id, created_at, id);
CREATE INDEX ${prefix}generation_session_created_idx ON ${prefix}generation_session (created_at, id);

CREATE TABLE ${prefix}generation_suggestion (
    id         BINARY(16)             NOT NULL,
    session_id BINARY(16)             NOT NULL,
    channel_id BINARY(16)             NOT NULL,
    content    MEDIUMTEXT   NOT NULL,
    score      DOUBLE PRECISION,
    accepted   boolean          NOT NULL,
    metadata   JSON            NOT NULL,
    created_at DATETIME(6)      NOT NULL,
    version    bigint           NOT NULL,
    CONSTRAINT ${prefix}generation_suggestion_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}generation_suggestion_session_fk
        FOREIGN KEY (session_id) REFERENCES ${prefix}generation_session (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}generation_suggestion_session_idx
    ON ${prefix}generation_suggestion (session_id, created_at, id);
