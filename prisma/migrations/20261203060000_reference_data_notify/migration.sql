-- Every instance keeps the reference data (operations, garment categories, pilot brands) in
-- memory. A change to any of those tables (the operator's switch, the admin CLI, plain SQL) is
-- announced on the `reference_data_changed` channel with the table's name, so each instance
-- reloads as soon as the change commits instead of serving the old rows until its cache expires.
CREATE FUNCTION notify_reference_data_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('reference_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER operations_notify_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON operations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data_changed();

CREATE TRIGGER garment_categories_notify_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON garment_categories
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data_changed();

CREATE TRIGGER pilot_brands_notify_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pilot_brands
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data_changed();
