-- The cycle's dates and the training plan the coordinator consolidates at its close.
alter table kap_cycle add column plan_deadline date;
alter table kap_cycle add column closing_date date;
alter table kap_cycle add column training_plan varchar(20000);
alter table kap_cycle add column training_plan_by varchar(64);

-- One account plan per account and year: the primary key is what keeps a retried fan-out job from a second plan.
create table kap_account_plan (
  cycle_year           integer      not null,
  account_id           varchar(64)  not null references kap_account (account_id),
  process_instance_id  varchar(64)  not null,
  kam                  varchar(64)  not null,
  segment              varchar(16)  not null,
  status               varchar(16)  not null,
  started_at           timestamp    not null,
  approved_at          timestamp,
  approved_version     integer,
  primary key (cycle_year, account_id)
);

-- Every submission of a plan, with the quality gate's verdict, the sponsor's review and the director's decision.
create table kap_plan_version (
  cycle_year         integer        not null,
  account_id         varchar(64)    not null,
  version            integer        not null,
  submitted_by       varchar(64),
  submitted_at       timestamp      not null,
  content            text           not null,
  quality_passed     boolean        not null,
  quality_issues     varchar(4000),
  sponsor_comments   varchar(4000),
  sponsor_touchpoints varchar(4000),
  reviewed_by        varchar(64),
  decision           varchar(16),
  decision_comments  varchar(4000),
  decided_by         varchar(64),
  decided_at         timestamp,
  primary key (cycle_year, account_id, version),
  foreign key (cycle_year, account_id) references kap_account_plan (cycle_year, account_id)
);
