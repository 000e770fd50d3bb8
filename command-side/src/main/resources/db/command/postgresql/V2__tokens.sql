-- The tokens of streaming processors; both sides keep theirs here and either may create it first.
create table if not exists token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    owner          varchar(255),
    timestamp      varchar(255) not null,
    token_type     varchar(255),
    token          bytea,
    primary key (processor_name, segment)
);
