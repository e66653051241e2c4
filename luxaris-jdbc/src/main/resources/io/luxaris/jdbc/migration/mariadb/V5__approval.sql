-- Approval and several targets per post. ${prefix} is the table prefix (default luxaris_).
-- A schedule that needs approval is held as 'awaiting_approval' (the engine never claims it); a post some of whose
-- targets were published while others failed, were skipped or cancelled is 'partially_published'. Both names are
-- longer than 16 characters, so the status columns grow first.

ALTER TABLE ${prefix}schedule MODIFY status varchar(32) NOT NULL;
ALTER TABLE ${prefix}schedule DROP CONSTRAINT ${prefix}schedule_status_ck;
ALTER TABLE ${prefix}schedule ADD CONSTRAINT ${prefix}schedule_status_ck CHECK (status IN
    ('pending', 'queued', 'processing', 'success', 'failed', 'cancelled', 'skipped', 'unconfirmed', 'dry_run',
     'awaiting_approval'));

ALTER TABLE ${prefix}post MODIFY status varchar(32) NOT NULL;
ALTER TABLE ${prefix}post DROP CONSTRAINT ${prefix}post_status_ck;
ALTER TABLE ${prefix}post ADD CONSTRAINT ${prefix}post_status_ck
    CHECK (status IN ('draft', 'scheduled', 'published', 'cancelled', 'archived', 'partially_published'));

-- the posts and connections whose schedules need approval (the host can also require it for every schedule)
CREATE TABLE ${prefix}approval_rule (
    subject_type varchar(16)  NOT NULL,
    subject_id   BINARY(16)   NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    CONSTRAINT ${prefix}approval_rule_pk PRIMARY KEY (subject_type, subject_id),
    CONSTRAINT ${prefix}approval_rule_type_ck CHECK (subject_type IN ('post', 'connection'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
