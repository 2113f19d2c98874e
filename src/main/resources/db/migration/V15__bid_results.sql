-- What funded bids delivered against what they promised: one row per funded bid, written when its results report is
-- scheduled (the delay comes from the bidResultDelay table) and completed when the KAM reports.
create table kap_bid_result (
  bid_no           bigint         not null primary key references kap_bid (bid_no),
  kam              varchar(64)    not null,
  delay_months     integer        not null,
  scheduled_at     timestamp      not null,
  report_due       timestamp      not null,
  reminder_at      timestamp      not null,
  report_deadline  timestamp      not null,
  reminded_at      timestamp,
  escalated_at     timestamp,
  value_delivered  bigint,
  narrative        varchar(2000),
  evidence         varchar(2000),
  reported_by      varchar(64),
  reported_at      timestamp
);
create index kap_bid_result_kam on kap_bid_result (kam);
