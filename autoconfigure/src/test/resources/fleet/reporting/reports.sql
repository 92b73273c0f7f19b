CREATE VIEW report_ids AS SELECT id FROM reports;
