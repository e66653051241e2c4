-- Publishing queues: weekly slot times (wall-clock, in an IANA zone) on enabled days, excluded dates, a daily
-- maximum, over one or several connections. A queue slot is claimed by at most one schedule: the primary key
-- (queue_id, slot_at) is the claim, and writers lock the queue row first. ${prefix} is the table prefix.

CREATE TABLE ${prefix}posting_queue (
    id             BINARY(16)   NOT NULL,
    owner_id       varchar(200) NOT NULL,
    name           varchar(100) NOT NULL,
    connections    JSON         NOT NULL,
    timezone       varchar(64)  NOT NULL,
    slot_times     JSON         NOT NULL,
    days           JSON         NOT NULL,
    excluded_dates JSON         NOT NULL,
    max_per_day    integer      NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        bigint       NOT NULL,
    CONSTRAINT ${prefix}posting_queue_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}posting_queue_max_ck CHECK (max_per_day > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}posting_queue_owner_idx ON ${prefix}posting_queue (owner_id, name, id);

CREATE TABLE ${prefix}posting_queue_slot (
    queue_id    BINARY(16)  NOT NULL,
    slot_at     DATETIME(6) NOT NULL,
    schedule_id BINARY(16)  NOT NULL,
    CONSTRAINT ${prefix}posting_queue_slot_pk PRIMARY KEY (queue_id, slot_at),
    CONSTRAINT ${prefix}posting_queue_slot_queue_fk FOREIGN KEY (queue_id)
        REFERENCES ${prefix}posting_queue (id) ON DELETE CASCADE,
    CONSTRAINT ${prefix}posting_queue_slot_schedule_fk FOREIGN KEY (schedule_id) REFERENCES ${prefix}schedule (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}posting_queue_slot_schedule_idx ON ${prefix}posting_queue_slot (schedule_id);
