-- Each account's stakeholder map: the customer's people as the latest plan that passed the quality gate lists them
-- (PLAN_YEAR and PLAN_VERSION say which), in the plan's order. REPORTS_TO names another row of the same account.
create table kap_stakeholder (
  account_id          varchar(64)   not null references kap_account (account_id),
  position            integer       not null,
  name                varchar(200)  not null,
  title               varchar(200),
  buying_role         varchar(32)   not null,
  influence           varchar(16)   not null,
  attitude            varchar(16)   not null,
  relationship_owner  varchar(64),
  reports_to          varchar(200),
  plan_year           integer       not null,
  plan_version        integer       not null,
  primary key (account_id, position)
);

-- Which of the account's stakeholders took part in a ritual held with the customer, by the name the map gave them
-- then: the latest such ritual is the stakeholder's last contact.
create table kap_ritual_participant (
  occurrence_no     bigint        not null references kap_ritual_occurrence (occurrence_no),
  account_id        varchar(64)   not null,
  stakeholder_name  varchar(200)  not null,
  primary key (occurrence_no, stakeholder_name)
);
create index kap_ritual_participant_account on kap_ritual_participant (account_id);
