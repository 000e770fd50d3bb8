-- Each participant's key for their words and contact in the events (crypto-shredding).
-- Forgetting sets secret to null for good and records when; the row stays so that plain-text
-- values stored before encryption began are not shown either.
create table participant_key (
    participant_id varchar(64)  not null primary key,
    secret         varchar(64),
    created_at     timestamp(6) with time zone not null,
    forgotten_at   timestamp(6) with time zone
);
