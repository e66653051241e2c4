-- A dry run is a schedule status of its own: 'dry_run' (the request was built and validated by a channel in
-- dry-run mode, not sent; neither published nor failed). Earlier versions stored it as a failure with error code
-- 'dry_run'; those rows become what they were. ${prefix} is the table prefix (default luxaris_).

ALTER TABLE ${prefix}schedule DROP CONSTRAINT ${prefix}schedule_status_ck;
ALTER TABLE ${prefix}schedule ADD CONSTRAINT ${prefix}schedule_status_ck CHECK (status IN
    ('pending', 'queued', 'processing', 'success', 'failed', 'cancelled', 'skipped', 'unconfirmed', 'dry_run'));

UPDATE ${prefix}schedule SET status = 'dry_run', error_code = NULL, error_message = NULL, version = version + 1
    WHERE status = 'failed' AND error_code = 'dry_run';

UPDATE ${prefix}publish_event SET status = 'dry_run', failure_kind = NULL, error_code = NULL, error_message = NULL
    WHERE status = 'failed' AND error_code = 'dry_run';

-- a variant marked failed only because of dry runs is ready again (a real failure or anything open keeps it)
UPDATE ${prefix}variant v SET status = 'ready', version = version + 1
    WHERE v.status = 'failed'
      AND EXISTS (SELECT 1 FROM ${prefix}schedule s WHERE s.variant_id = v.id AND s.status = 'dry_run')
      AND NOT EXISTS (SELECT 1 FROM ${prefix}schedule s
                      WHERE s.variant_id = v.id AND s.status NOT IN ('dry_run', 'cancelled'));
