-- Lighter writes on the publishing path (issue 15): the follow-up parent index served no query (a chain is read by
-- its variant) and took an entry on every insert of a schedule. The post index stays here: InnoDB needs it for the
-- post foreign key. ${prefix} is the table prefix (default luxaris_).

DROP INDEX ${prefix}schedule_follow_up_parent_idx ON ${prefix}schedule;
