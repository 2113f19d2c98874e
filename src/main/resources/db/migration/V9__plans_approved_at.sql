-- When the cycle learnt that all its plans are approved: set once, by whichever comes first, the cycle reaching its
-- wait or the check after the last approval. Approvals no longer count on the cycle's row (V4's plans_approved), so
-- concurrent approvals do not wait for each other.
alter table kap_cycle add column plans_approved_at timestamp;
