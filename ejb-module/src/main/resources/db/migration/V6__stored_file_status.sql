-- The scan for uploads whose server has gone for good (OrphanedUploads, every few seconds on every server) asks for
-- the files still TRANSFERRING across all owners; the indexes so far lead with the owner. Portable SQL.
CREATE INDEX stored_file_status ON stored_file (status);
