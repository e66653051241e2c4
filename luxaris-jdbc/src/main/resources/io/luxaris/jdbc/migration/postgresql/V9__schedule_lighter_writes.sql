-- Lighter writes on the publishing path (issue 15). A schedule row is inserted once and updated three times per
-- attempt (claim, start, outcome), none of them a HOT update (each changes the status, which the claim and lease
-- indexes' predicates name), so every index of the table gets an entry each time.
-- * The post index served only the lookups of a post's schedules; they go through the post's variants and the variant
--   index now (a schedule's post is its variant's post). Posts are never deleted, so the post foreign key needs no
--   index for deletes either.
-- * The follow-up parent index served no query (a chain is read by its variant) and held a NULL entry for every
--   schedule that is not a follow-up.
-- * The post, variant and connection rows are updated in place after each outcome (status, published_at,
--   last_used_at; no indexed column): with room left on their pages those updates can be HOT. Applies to pages
--   written from now on.
-- ${prefix} is the table prefix (default luxaris_).

DROP INDEX ${prefix}schedule_post_idx;
DROP INDEX ${prefix}schedule_follow_up_parent_idx;
ALTER TABLE ${prefix}post SET (fillfactor = 90);
ALTER TABLE ${prefix}variant SET (fillfactor = 90);
ALTER TABLE ${prefix}connection SET (fillfactor = 90);
