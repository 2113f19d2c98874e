-- One annual planning cycle per year: the primary key is what refuses a second cycle for the same year.
create table kap_cycle (
  cycle_year           integer      not null primary key,
  process_instance_id  varchar(64)  not null,
  started_by           varchar(64),
  started_at           timestamp    not null
);
