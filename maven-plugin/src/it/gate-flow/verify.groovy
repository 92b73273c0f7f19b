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
def compiled = new File(basedir, 'target/classes/META-INF/pg-entities/compiled.json')
assert compiled.isFile()
assert log.contains('Wrote ' + compiled.path)
def artifact = new groovy.json.JsonSlurper().parse(compiled)
assert artifact.format == 1
assert artifact.serverVersion >= 130000
assert artifact.environment ==~ /[0-9a-f]{32}/
assert artifact.declarations.size() == 2
assert artifact.declarations.every { it.hash ==~ /[0-9a-f]{64}/ }
assert compiled.text.contains('total(quantity integer, price numeric)')
assert compiled.text.toLowerCase().contains('cheap_products')
return true
