-- The key-account portfolio: one row per account, with the twelve 1-10 criteria scores of DESIGN §3.
create table kap_account (
  account_id            varchar(64)   not null primary key,
  name                  varchar(255)  not null,
  region                varchar(64)   not null,
  kam                   varchar(64)   not null,
  sponsor               varchar(64),
  spend                 smallint      not null,
  profit_potential      smallint      not null,
  growth                smallint      not null,
  strategic_fit         smallint      not null,
  partnership_openness  smallint      not null,
  reference_value       smallint      not null,
  solution_fit          smallint      not null,
  delivery_reliability  smallint      not null,
  relationship_depth    smallint      not null,
  value_vs_price        smallint      not null,
  share_of_wallet       smallint      not null,
  ease_of_business      smallint      not null,
  revenue               decimal(19,2),
  gross_margin          decimal(19,2),
  updated_at            timestamp     not null
);
create index kap_account_kam on kap_account (kam);

-- Each cycle's segmentation: the computed segment, and the programme director's override with reason, who and when.
create table kap_account_segment (
  cycle_year        integer       not null,
  account_id        varchar(64)   not null references kap_account (account_id),
  attractiveness    decimal(9,4)  not null,
  strength          decimal(9,4)  not null,
  computed_segment  varchar(16)   not null,
  override_segment  varchar(16),
  override_reason   varchar(2000),
  overridden_by     varchar(64),
  overridden_at     timestamp,
  primary key (cycle_year, account_id)
);
