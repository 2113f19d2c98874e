-- The dashboard counts each account's rituals of a year by status and date. With these four columns in one index
-- the count reads the index alone; it replaces the index on (cycle_year, account_id), which it also serves.
create index kap_ritual_occurrence_tally on kap_ritual_occurrence (cycle_year, account_id, status, planned_date);
drop index kap_ritual_occurrence_plan;
