-- Follow-up of participants who asked for it (the follow-up process, not a read model: never rebuilt).
-- Where each participant asked to be followed up: address and receipt token sealed with their key, as in the
-- events, so that they cannot be read once the participant is forgotten (the rows are deleted then as well).
create table follow_up_contact (
    feedback_id   varchar(64)   not null,
    channel       varchar(8)    not null,
    address       varchar(1200) not null,
    receipt_token varchar(200)  not null,
    language      varchar(20)   not null,
    stopped_at    timestamp(6) with time zone,
    primary key (feedback_id, channel)
);

-- The feedback that informed or moved each decision, so that its participants hear of the decision.
create table follow_up_evidence (
    decision_id varchar(64) not null,
    feedback_id varchar(64) not null,
    primary key (decision_id, feedback_id)
);

-- One row per participant, event and channel, written in the transaction of the process's token; the sender
-- gathers a participant's waiting rows on one channel into one message. gateway_id is the SMS gateway's id of
-- the message, by which its delivery reports find the rows.
create table follow_up_outbox (
    id              varchar(36) not null primary key,
    feedback_id     varchar(64) not null,
    channel         varchar(8)  not null,
    event_id        varchar(64) not null,
    kind            varchar(32) not null,
    status          varchar(16) not null,
    attempts        integer     not null,
    next_attempt_at timestamp(6) with time zone not null,
    claim           varchar(36),
    last_error      varchar(500),
    created_at      timestamp(6) with time zone not null,
    sent_at         timestamp(6) with time zone,
    gateway_id      varchar(64),
    constraint follow_up_once unique (feedback_id, event_id, channel)
);
create index follow_up_outbox_due on follow_up_outbox (status, next_attempt_at);
create index follow_up_outbox_feedback on follow_up_outbox (feedback_id, channel, status);
create index follow_up_outbox_gateway on follow_up_outbox (gateway_id);
