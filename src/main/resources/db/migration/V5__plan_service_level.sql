-- What the plan's service level decided, kept out of reach of task submissions (process variables are not).
alter table kap_account_plan add column plan_depth varchar(16);
alter table kap_account_plan add column sponsor_required boolean;
