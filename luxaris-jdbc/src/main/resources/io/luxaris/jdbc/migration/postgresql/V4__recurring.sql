-- Recurring posts, PostgreSQL. ${prefix} is the table prefix (default luxaris_).
-- A series publishes one variant through one connection at every occurrence of its rule; its occurrences become
-- schedules ahead of time. recurring_occurrence links each materialised occurrence to its schedule, unique per
-- (series, revision, index): two engine instances can never make two schedules for one occurrence.
-- Dates are ISO-8601 text (yyyy-mm-dd) and the time of day ISO-8601 text (hh:mm[:ss[.fraction]]), local to zone.

CREATE TABLE ${prefix}recurring_series (
    id             uuid         NOT NULL,
    post_id        uuid         NOT NULL,
    variant_id     uuid         NOT NULL,
    channel_id     uuid         NOT NULL,
    connection_id  uuid         NOT NULL,
    frequency      varchar(16)  NOT NULL,
    interval_count integer      NOT NULL,
    weekdays       varchar(32)  NOT NULL,
    day_of_month   integer      NOT NULL,
    start_date     varchar(10)  NOT NULL,
    local_time     varchar(18)  NOT NULL,
    timezone       varchar(64)  NOT NULL,
    end_count      integer,
    end_date       varchar(10),
    variations     jsonb        NOT NULL,
    horizon_days   integer      NOT NULL,
    max_ahead      integer      NOT NULL,
    status         varchar(16)  NOT NULL,
    revision       integer      NOT NULL,
    next_index     integer      NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint       NOT NULL,
    CONSTRAINT ${prefix}recurring_series_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}recurring_series_post_fk FOREIGN KEY (post_id) REFERENCES ${prefix}post (id),
    CONSTRAINT ${prefix}recurring_series_variant_fk FOREIGN KEY (variant_id) REFERENCES ${prefix}variant (id),
    CONSTRAINT ${prefix}recurring_series_connection_fk
        FOREIGN KEY (connection_id) REFERENCES ${prefix}connection (id),
    CONSTRAINT ${prefix}recurring_series_frequency_ck CHECK (frequency IN ('daily', 'weekly', 'monthly')),
    CONSTRAINT ${prefix}recurring_series_status_ck CHECK (status IN ('active', 'ended', 'cancelled'))
);
CREATE INDEX ${prefix}recurring_series_post_idx ON ${prefix}recurring_series (post_id, id);
-- materialisation walks the active series by id
CREATE INDEX ${prefix}recurring_series_status_idx ON ${prefix}recurring_series (status, id);

CREATE TABLE ${prefix}recurring_occurrence (
    series_id        uuid         NOT NULL,
    revision         integer      NOT NULL,
    occurrence_index integer      NOT NULL,
    run_at           timestamptz NOT NULL,
    schedule_id      uuid         NOT NULL,
    created_at       timestamptz NOT NULL,
    CONSTRAINT ${prefix}recurring_occurrence_pk PRIMARY KEY (series_id, revision, occurrence_index),
    CONSTRAINT ${prefix}recurring_occurrence_schedule_uq UNIQUE (schedule_id),
    CONSTRAINT ${prefix}recurring_occurrence_series_fk
        FOREIGN KEY (series_id) REFERENCES ${prefix}recurring_series (id),
    CONSTRAINT ${prefix}recurring_occurrence_schedule_fk
        FOREIGN KEY (schedule_id) REFERENCES ${prefix}schedule (id)
);
