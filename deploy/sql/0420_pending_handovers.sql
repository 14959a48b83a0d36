-- Notices whose outbox holds something not yet handed to a BankLink. A notice answers the bank
-- as soon as its outcome is durable and hands over after the reply; this row, written in the same
-- transaction as the notice's state, is what finds the notice again if its silo dies in between.
-- Inserted when the outbox gains an item (first writer keeps its due_at), deleted in the write
-- that leaves the outbox empty; the hand-over sweeper reactivates notices whose row is older than
-- its grace period (docs/architecture.md, "The confirmation path").
CREATE TABLE IF NOT EXISTS nontax.pending_handovers (
    pay_code text        NOT NULL PRIMARY KEY,
    due_at   timestamptz NOT NULL DEFAULT now()
);
