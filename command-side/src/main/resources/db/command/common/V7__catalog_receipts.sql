-- A participant who asks to be forgotten is known only by their receipt token.
alter table catalog_feedback add column receipt_token_hash varchar(64);
create index catalog_feedback_receipt on catalog_feedback (receipt_token_hash);
