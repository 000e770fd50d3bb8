-- The staff who sign in with the organization's provider, by the provider's subject that their events
-- name, with the name the provider last gave them: so that the histories show a name, not the subject.
create table staff_member (
    subject varchar(100) primary key,
    display_name varchar(200) not null,
    named_at timestamp not null
);
