def log = new File(basedir, 'build.log').text
assert log.contains('Skipping pg-entities (pg-entities.skip=true)')
assert log.contains('MISSING FUNCTION public.total(integer, numeric) (src/main/resources/db/entities/functions.sql:2)')
assert log.contains('1 entities drifted from their declarations')
def migration = new File(basedir, 'src/main/resources/db/migration/V2__add_total.sql')
assert migration.isFile()
assert migration.text.contains('CREATE OR REPLACE FUNCTION public.total(quantity integer, price numeric)')
assert log.contains('2 in sync, 0 drifted')
def report = new File(basedir, 'target/pg-entities.xml')
assert report.isFile()
assert report.text.contains('tests="2" failures="0"')
return true
