-- Idempotency keys of creating calls (create post, schedule, bulk): unique per scope (the acting principal) and
-- key, with the fingerprint of the request and the ids it created. The key is inserted first, in the transaction
-- that creates, so two instances racing with one key create once. ${prefix} is the table prefix (default luxaris_).

CREATE TABLE ${prefix}idempotency_key (
    scope       varchar(200) NOT NULL,
    idem_key    varchar(255) NOT NULL,
    operation   varchar(64)  NOT NULL,
    fingerprint varchar(64)  NOT NULL,
    result_ids  LONGTEXT      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    CONSTRAINT ${prefix}idempotency_key_pk PRIMARY KEY (scope, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- housekeeping deletes expired keys
CREATE INDEX ${prefix}idempotency_key_expires_idx ON ${prefix}idempotency_key (expires_at);
