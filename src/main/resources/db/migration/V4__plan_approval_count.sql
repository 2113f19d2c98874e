-- Approvals counted on the cycle row: the row lock orders concurrent approvals, so exactly one sees the last one.
alter table kap_cycle add column plans_approved integer default 0 not null;
