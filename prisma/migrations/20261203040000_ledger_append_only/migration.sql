-- The credit ledger is append-only: a client's balance is the sum of its rows and a refund is
-- unique per request, so changing or removing a row would rewrite what was charged. Until now
-- that held by convention only; the database now refuses UPDATE, DELETE and TRUNCATE on it,
-- whoever asks (the app, the CLI or plain SQL). A correction is a new row.
CREATE FUNCTION refuse_credit_ledger_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'credit_ledger is append-only: % refused; record a correcting entry instead', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER credit_ledger_append_only
  BEFORE UPDATE OR DELETE ON credit_ledger
  FOR EACH ROW EXECUTE FUNCTION refuse_credit_ledger_change();

CREATE TRIGGER credit_ledger_no_truncate
  BEFORE TRUNCATE ON credit_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_credit_ledger_change();
