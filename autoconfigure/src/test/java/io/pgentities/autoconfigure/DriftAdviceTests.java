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
package io.pgentities.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityKind;
import io.pgentities.MigrationPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DriftAdvice}.
 */
class DriftAdviceTests {

	private static final EntityDrift MISSING = new EntityDrift(EntityKind.VIEW, "public", "item_names",
			"public.item_names", DriftStatus.MISSING, "bean 'itemNames'", "+ CREATE VIEW");

	private static final EntityDrift LEGACY_VIEW = new EntityDrift(EntityKind.VIEW, "public", "legacy_totals",
			"public.legacy_totals", DriftStatus.UNDECLARED, "database", "- CREATE VIEW");

	private static final EntityDrift LEGACY_FUNCTION = new EntityDrift(EntityKind.FUNCTION, "public", "legacy_f",
			"public.legacy_f(integer, text)", DriftStatus.UNDECLARED, "database", "- CREATE FUNCTION");

	private static final MigrationPlan PLAN = new MigrationPlan(List.of("CREATE VIEW public.item_names AS SELECT 1"),
			List.of("MISSING VIEW public.item_names: create"), List.of());

	private static final MigrationPlan EMPTY = new MigrationPlan(List.of(), List.of(), List.of());

	@Test
	void defaultsSuggestGenerationAndApplyOnMigrate() {
		assertThat(DriftAdvice.DEFAULTS.action(report(MISSING), PLAN, null))
			.isEqualTo("Run the application once with pg-entities.generate.on-startup=true to write a Flyway migration "
					+ "for the drift, or set pg-entities.apply-on-migrate=true to apply it after Flyway migrates.");
	}

	@Test
	void applyOnMigrateThatIsSetIsNotSuggested() {
		assertThat(new DriftAdvice(false, true, false, List.of()).action(report(MISSING), PLAN, null))
			.contains("pg-entities.generate.on-startup=true")
			.doesNotContain("apply-on-migrate");
	}

	@Test
	void generationThatIsOnIsNotSuggestedNorIsApplyOnMigrateWhichItTurnsOff() {
		assertThat(new DriftAdvice(true, false, false, List.of()).action(report(MISSING), PLAN, null))
			.isEqualTo("Put the plan into a Flyway migration to resolve the drift.");
	}

	@Test
	void writtenMigrationIsNamed() {
		assertThat(new DriftAdvice(true, false, false, List.of()).action(report(MISSING), PLAN,
				Path.of("db", "V2__pg_entities.sql")))
			.isEqualTo("The plan was written to " + Path.of("db", "V2__pg_entities.sql") + "; restart to apply it.");
	}

	@Test
	void undeclaredObjectsAloneGetNoAdviceAboutThePlanWhichIsEmpty() {
		assertThat(new DriftAdvice(true, false, false, List.of()).action(report(LEGACY_VIEW, LEGACY_FUNCTION), EMPTY,
				null))
			.isEqualTo("2 objects in the database are declared by nothing: declare them, list them in pg-entities.ignore "
					+ "to leave them alone (for example pg-entities.ignore=public.legacy_totals,public.legacy_f), "
					+ "or set pg-entities.drop-undeclared=true to drop them.");
	}

	@Test
	void ignoreThatIsSetIsAddedTo() {
		assertThat(new DriftAdvice(false, false, false, List.of("public.old_*")).action(report(LEGACY_VIEW), EMPTY,
				null))
			.isEqualTo("1 object in the database is declared by nothing: declare them, add them to pg-entities.ignore "
					+ "to leave them alone (for example public.legacy_totals), or set pg-entities.drop-undeclared=true "
					+ "to drop them.");
	}

	@Test
	void dropUndeclaredThatIsSetIsNotSuggested() {
		MigrationPlan drop = new MigrationPlan(List.of("DROP VIEW public.legacy_totals"),
				List.of("UNDECLARED VIEW public.legacy_totals: drop"), List.of("public.legacy_totals"));
		assertThat(new DriftAdvice(false, false, true, List.of()).action(report(MISSING, LEGACY_VIEW), drop, null))
			.startsWith("Run the application once with pg-entities.generate.on-startup=true")
			.endsWith("1 object in the database is declared by nothing, and the plan drops them: declare them, or "
					+ "list them in pg-entities.ignore to leave them alone (for example "
					+ "pg-entities.ignore=public.legacy_totals).")
			.doesNotContain("drop-undeclared");
	}

	@Test
	void readsTheSettingsOfTheProperties() {
		PgEntitiesProperties properties = new PgEntitiesProperties();
		properties.getGenerate().setOnStartup(true);
		properties.setApplyOnMigrate(true);
		properties.setDropUndeclared(true);
		properties.setIgnore(List.of("public.legacy_*"));
		assertThat(DriftAdvice.of(properties)).isEqualTo(new DriftAdvice(true, true, true, List.of("public.legacy_*")));
	}

	private static DriftReport report(EntityDrift... entities) {
		return new DriftReport(List.of(entities), Duration.ofMillis(1));
	}

}
