-- The staff's daily digest (written by the follow-up process, never rebuilt): one row per facilitator and day,
-- written when the day's digest comes due and something waits, so that a second firing that day adds none.
-- The sender claims a row, writes the digest, and marks it SENT; a claim left by a sender that stopped lapses.
create table staff_digest (
    account_id      varchar(100) not null,
    digest_day      date         not null,
    status          varchar(16)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp(6) with time zone not null,
    claim           varchar(36),
    last_error      varchar(500),
    sent_at         timestamp(6) with time zone,
    primary key (account_id, digest_day)
);
create index staff_digest_due on staff_digest (status, next_attempt_at);
