-- Every change to a staff account added on the administrators' page: who granted what, and when.
-- The accounts as they stand are read from it (the last roles, and whether one was disabled).
create table staff_change (
    account_id varchar(100) not null,
    seq bigint not null,
    change_kind varchar(20) not null,
    display_name varchar(200),
    roles varchar(100),
    changed_at timestamp not null,
    actor varchar(100) not null,
    primary key (account_id, seq)
);
create index staff_change_at on staff_change (changed_at);
