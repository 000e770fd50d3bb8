-- The feedback each mobile number asked SMS follow-up for, so that a STOP or START texted from that number
-- reaches every one of them. The number is kept only as a hash; the row goes when its participant is forgotten.
create table sms_follow_up (
    number_hash varchar(64) not null,
    feedback_id varchar(64) not null,
    primary key (number_hash, feedback_id)
);
