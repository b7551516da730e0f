-- Catalogs that Hibernate wrote in early versions keep the states as H2 ENUM columns, which refuse a state
-- added since. Text columns take any state the code names; on a catalog made by V1 this changes nothing.
ALTER TABLE stored_file ALTER COLUMN status SET DATA TYPE VARCHAR(16);
ALTER TABLE chunk_placement ALTER COLUMN state SET DATA TYPE VARCHAR(16);
ALTER TABLE chunk_placement ALTER COLUMN purpose SET DATA TYPE VARCHAR(16);
ALTER TABLE user_account ALTER COLUMN secondFactor SET DATA TYPE VARCHAR(8);
ALTER TABLE user_account ALTER COLUMN pendingFactor SET DATA TYPE VARCHAR(8);
