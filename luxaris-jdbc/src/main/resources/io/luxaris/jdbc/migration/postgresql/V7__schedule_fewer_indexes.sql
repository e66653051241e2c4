-- The publishing engine updates a schedule row three times per attempt (claim, start, outcome); every index of the
-- hot schedule table costs an entry per update. The lease-owner index served no query: heartbeats, releases and
-- completions find their rows by id and check the owner on the row. ${prefix} is the table prefix (default luxaris_).

DROP INDEX ${prefix}schedule_lease_owner_idx;
