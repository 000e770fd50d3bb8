-- Staff accounts added on the administrators' page (the configured users stay in configuration).
-- Who may sign in, as whom and with which roles follows the events, kept in the same transaction as
-- they are stored; the password's hash is never an event, and is kept apart.
create table staff_account (
    account_id varchar(100) primary key,
    display_name varchar(200) not null,
    roles varchar(200) not null,
    enabled boolean not null,
    changed_at timestamp not null
);
create table staff_password (
    account_id varchar(100) primary key,
    password_hash varchar(200) not null
);
