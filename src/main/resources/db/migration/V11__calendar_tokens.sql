-- Each user's personal calendar address, /ical/{token}.ics, which calendar apps fetch without a login. Only the
-- token's SHA-256 (64 hex digits) is kept: the table alone opens no calendar. One address per user: regenerating
-- replaces the row, revoking deletes it.
create table kap_calendar_token (
  user_id          varchar(64)  not null primary key,
  token_hash       varchar(64)  not null,
  created_at       timestamp    not null,
  last_fetched_at  timestamp
);
create unique index kap_calendar_token_hash on kap_calendar_token (token_hash);
