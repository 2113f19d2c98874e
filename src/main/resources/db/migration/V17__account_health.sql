-- Account health (issue 20): each account's health score of a cycle year (0-100, by the DMN table accountHealth)
-- and the reasons it lost points, stored when the score or its reasons change: at most one row per account, year and
-- day (the day's last change), so that the rows are the account's history. Computed on demand (API, account page)
-- and by the daily job; the primary key makes the job's insert conditional, so two nodes store a day once.
create table kap_account_health (
  account_id     varchar(64)    not null references kap_account (account_id),
  cycle_year     integer        not null,
  snapshot_date  date           not null,
  score          integer        not null,
  reasons        varchar(4000)  not null, -- one reason a line, in the table's rule order; empty when none
  computed_at    timestamp      not null,
  primary key (account_id, cycle_year, snapshot_date)
);
-- the dashboard reads the latest row of every account of a year
create index kap_account_health_year on kap_account_health (cycle_year, account_id, snapshot_date);
