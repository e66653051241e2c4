-- Follow-up parts (issue 17, point 3): a variant's replies and first comments posted after its post, each as a
-- schedule of its own. The variant keeps its follow-ups as JSON (NULL in rows written before this version: none).
-- A follow-up schedule names the chain's root (the variant's own schedule), the part before it and its number; the
-- three are NULL for every other schedule. No foreign keys: the hot schedule table pays for every constraint on each
-- update. The parent index serves lookups of a part's follow-up; reads of a chain go by variant (existing index).
-- ${prefix} is the table prefix (default luxaris_).

ALTER TABLE ${prefix}variant ADD COLUMN follow_ups JSON NULL;
ALTER TABLE ${prefix}schedule ADD COLUMN follow_up_root BINARY(16) NULL;
ALTER TABLE ${prefix}schedule ADD COLUMN follow_up_parent BINARY(16) NULL;
ALTER TABLE ${prefix}schedule ADD COLUMN follow_up_index INT NULL;
CREATE INDEX ${prefix}schedule_follow_up_parent_idx ON ${prefix}schedule (follow_up_parent);
