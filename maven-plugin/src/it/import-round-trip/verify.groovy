def entities = new File(basedir, 'src/main/resources/db/entities')
assert new File(entities, 'functions/public.touch.sql').isFile()
assert new File(entities, 'triggers/public.products.touch.sql').isFile()
assert !new File(entities, 'views/public.legacy_report.sql').exists()
assert new File(entities, 'views/public.cheap_products.sql').text.contains("COMMENT ON VIEW public.cheap_products IS 'under ten'")
def log = new File(basedir, 'build.log').text
assert log.contains('Imported 3 entities')
assert log.contains('3 in sync, 0 drifted')
assert log.contains('In sync: the plan is empty')
return true
