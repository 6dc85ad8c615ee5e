-- Every instance caches the API keys it has authenticated. A change to a key row (a revocation,
-- from the app, the CLI or plain SQL) is announced on the `api_key_changed` channel with the key's
-- hash, so each instance drops its copy as soon as the change commits.
CREATE FUNCTION notify_api_key_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('api_key_changed', OLD.key_hash);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER api_keys_notify_change
  AFTER UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION notify_api_key_changed();
