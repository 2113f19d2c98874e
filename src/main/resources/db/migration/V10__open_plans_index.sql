-- After each approval KAP asks whether any plan of the year is still open (drafting or in review): this index
-- answers with one seek, however many plans the year has, instead of counting the year's approved plans each time.
create index kap_account_plan_status on kap_account_plan (cycle_year, status);
-- V4's counter of approvals on the cycle's row: unused since V9 (approvals no longer wait on that row).
alter table kap_cycle drop column plans_approved;
