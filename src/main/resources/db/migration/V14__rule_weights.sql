-- Which weights each cycle and budget round uses (issue 20): process owners keep the weights in DMN tables
-- (segmentationWeights, bidScorecardWeights); a cycle or round records the table's version and values when it starts
-- and uses them for its whole life, so that a redeployed table applies from the next cycle or round.
create table kap_rule_weights (
  decision_key           varchar(64)    not null, -- the DMN decision, e.g. segmentationWeights
  scope                  varchar(64)    not null, -- the cycle year (2031) or the round (R-7)
  used_by                varchar(300)   not null, -- what people read: "Cycle 2031", "Budget round R-7 (Growth 2031)"
  decision_definition_id varchar(64)    not null,
  decision_version       integer        not null,
  recorded_at            timestamp      not null,
  primary key (decision_key, scope)
);

create table kap_rule_weight (
  decision_key  varchar(64)    not null,
  scope         varchar(64)    not null,
  position      integer        not null, -- the criterion's place in its list
  criterion     varchar(64)    not null,
  weight        decimal(12,4)  not null,
  primary key (decision_key, scope, criterion),
  foreign key (decision_key, scope) references kap_rule_weights (decision_key, scope) on delete cascade
);

-- Segment budget envelopes (issue 20): a round whose start form enables them funds each segment's bids for at most
-- the segment's budgetShare (DMN segmentServiceLevels) of what is available.
alter table kap_budget_round add column segment_envelopes boolean default false not null;
