/*
 * Copyright 2026 the pg-entities authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.pgentities;

import java.util.List;

import io.pgentities.PgEventTrigger.Firing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PgEventTrigger}, declared by its factory and in entity files.
 */
class PgEventTriggerTests {

	@Test
	void factoryQualifiesTheFunctionWithTheSchema() {
		PgEventTrigger trigger = PgEventTrigger.of("audit", "log_ddl",
				"  ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION log_ddl()\n");
		assertThat(trigger.schema()).isEqualTo("audit");
		assertThat(trigger.identity()).isEqualTo("log_ddl");
		assertThat(trigger.kind()).isEqualTo(EntityKind.EVENT_TRIGGER);
		assertThat(trigger.firing()).isEqualTo(Firing.ORIGIN);
		assertThat(trigger.firingStatement()).isNull();
		assertThat(trigger.createStatement()).isEqualTo("CREATE EVENT TRIGGER log_ddl ON ddl_command_end "
				+ "WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION audit.log_ddl()");
	}

	@Test
	void factoryTakesTheSchemaOfAQualifiedFunction() {
		PgEventTrigger trigger = PgEventTrigger.of("public", "Watch", "ON sql_drop EXECUTE PROCEDURE \"Audit\".watch()");
		assertThat(trigger.schema()).isEqualTo("Audit");
		assertThat(trigger.identity()).isEqualTo("\"Watch\"");
		assertThat(trigger.withFiring(Firing.ALWAYS).firingStatement())
			.isEqualTo("ALTER EVENT TRIGGER \"Watch\" ENABLE ALWAYS");
	}

	@Test
	void definitionMustEndWithAFunctionCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> PgEventTrigger.of("public", "w", "ON ddl_command_end"))
			.withMessageContaining("Event trigger w must end with EXECUTE FUNCTION function_name()");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PgEventTrigger.of("public", "w", "ON ddl_command_end EXECUTE FUNCTION f(1)"))
			.withMessageContaining("must end with EXECUTE FUNCTION function_name()");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PgEventTrigger("public", "w", "ON sql_drop EXECUTE FUNCTION other.f()", null, "test"))
			.withMessage("Event trigger w is declared in schema public but its function is in schema other");
	}

	@Test
	void entityFileDeclaresAnEventTriggerWithWhenItFiresAndItsComment() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE FUNCTION audit.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
				create event trigger "Log DDL" on ddl_command_end
				    when tag in ('CREATE TABLE', 'ALTER TABLE')
				    execute procedure audit.log_ddl();
				ALTER EVENT TRIGGER "Log DDL" ENABLE   REPLICA;
				COMMENT ON EVENT TRIGGER "Log DDL" IS 'Logs table changes';
				""");
		assertThat(entities).hasSize(2);
		PgEventTrigger trigger = (PgEventTrigger) entities.get(1);
		assertThat(trigger).isEqualTo(PgEventTrigger.of("audit", "Log DDL", """
				on ddl_command_end
				    when tag in ('CREATE TABLE', 'ALTER TABLE')
				    execute procedure log_ddl()""")
			.withFiring(Firing.REPLICA)
			.withComment("Logs table changes")
			.withSource("sql:2"));
	}

	@Test
	void unqualifiedFunctionOfAnEntityFileIsInTheDefaultSchema() {
		List<PgEntity> entities = PgEntities.fromSql(
				"CREATE EVENT TRIGGER w ON sql_drop EXECUTE FUNCTION watch();\nALTER EVENT TRIGGER w DISABLE;", "f.sql",
				"ops");
		assertThat(entities).singleElement().satisfies((entity) -> {
			assertThat(entity.schema()).isEqualTo("ops");
			assertThat(entity.createStatement()).isEqualTo("CREATE EVENT TRIGGER w ON sql_drop EXECUTE FUNCTION ops.watch()");
			assertThat(((PgEventTrigger) entity).firing()).isEqualTo(Firing.DISABLED);
		});
	}

	@Test
	void entityFileRejectsWhatItCannotDeclare() {
		assertRejected("CREATE OR REPLACE EVENT TRIGGER w ON sql_drop EXECUTE FUNCTION f();", 1,
				"PostgreSQL has no CREATE OR REPLACE for EVENT TRIGGER; declare it with CREATE");
		assertRejected("CREATE EVENT TRIGGER w ON sql_drop;", 1,
				"event trigger w must end with EXECUTE FUNCTION function_name()");
		assertRejected("CREATE EVENT TRIGGER w ON sql_drop EXECUTE FUNCTION f();\nALTER EVENT TRIGGER w RENAME TO v;", 2,
				"only ALTER EVENT TRIGGER w ENABLE, ENABLE REPLICA, ENABLE ALWAYS or DISABLE may be declared, found "
						+ "RENAME TO v");
		assertRejected("CREATE EVENT TRIGGER w ON sql_drop EXECUTE FUNCTION f();\nALTER EVENT TRIGGER v DISABLE;", 2,
				"ALTER EVENT TRIGGER v DISABLE: no such event trigger is declared in the same source");
		assertRejected("CREATE EVENT TRIGGER w ON sql_drop EXECUTE FUNCTION f();\nALTER EVENT TRIGGER w DISABLE;\n"
				+ "ALTER EVENT TRIGGER w ENABLE;", 3,
				"ALTER EVENT TRIGGER w ENABLE: when the event trigger fires is already declared, at line 2");
		assertRejected("CREATE EVENT TRIGGER w ON sql_drop EXECUTE FUNCTION f();\n"
				+ "CREATE EVENT TRIGGER w ON ddl_command_end EXECUTE FUNCTION g();", 2,
				"EVENT TRIGGER w is declared twice, at lines 1 and 2");
	}

	private static void assertRejected(String sql, int line, String reason) {
		assertThatExceptionOfType(InvalidDeclarationException.class).isThrownBy(() -> PgEntities.fromSql(sql))
			.withMessage("sql:" + line + ": " + reason)
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(line));
	}

}
