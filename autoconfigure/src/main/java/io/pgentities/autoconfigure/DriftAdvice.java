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
import java.util.ArrayList;
import java.util.List;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.MigrationPlan;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * What to tell a user about drift, given the settings in force: a property that is already
 * set is never suggested, and objects nothing declares get their own advice, since no
 * generated or applied plan resolves them unless they are dropped.
 *
 * @param generateOnStartup whether {@code pg-entities.generate.on-startup} is set
 * @param applyOnMigrate whether {@code pg-entities.apply-on-migrate} is set
 * @param dropUndeclared whether {@code pg-entities.drop-undeclared} is set
 * @param ignore the patterns of {@code pg-entities.ignore}
 */
record DriftAdvice(boolean generateOnStartup, boolean applyOnMigrate, boolean dropUndeclared, List<String> ignore) {

	/** The advice for the default settings. */
	static final DriftAdvice DEFAULTS = of(new PgEntitiesProperties());

	private static final int EXAMPLES = 3;

	DriftAdvice {
		ignore = List.copyOf(ignore);
	}

	/**
	 * The advice for the settings of an application.
	 * @param properties the properties
	 * @return the advice
	 */
	static DriftAdvice of(PgEntitiesProperties properties) {
		return new DriftAdvice(properties.getGenerate().isOnStartup(), properties.isApplyOnMigrate(),
				properties.isDropUndeclared(), properties.getIgnore());
	}

	/**
	 * What to do about the drift of a check.
	 * @param report the report
	 * @param plan the plan for it
	 * @param written the migration written for the plan, or {@code null}
	 * @return the advice, one or more sentences
	 */
	String action(DriftReport report, MigrationPlan plan, @Nullable Path written) {
		List<String> sentences = new ArrayList<>();
		if (written != null) {
			sentences.add("The plan was written to " + written + "; restart to apply it.");
		}
		else if (plan.refusal() != null) {
			sentences.add(plan.refusal().action());
		}
		else if (!plan.isEmpty()) {
			sentences.add(resolvePlan());
		}
		List<EntityDrift> undeclared = report.drifted()
			.stream()
			.filter((entity) -> entity.status() == DriftStatus.UNDECLARED)
			.toList();
		if (!undeclared.isEmpty()) {
			sentences.add(undeclared(undeclared));
		}
		return String.join(" ", sentences);
	}

	private String resolvePlan() {
		List<String> ways = new ArrayList<>();
		if (!this.generateOnStartup) {
			ways.add("run the application once with pg-entities.generate.on-startup=true to write a Flyway migration "
					+ "for the drift");
		}
		if (!this.applyOnMigrate && !this.generateOnStartup) {
			ways.add("set pg-entities.apply-on-migrate=true to apply it after Flyway migrates");
		}
		if (ways.isEmpty()) {
			return "Put the plan into a Flyway migration to resolve the drift.";
		}
		String joined = String.join(", or ", ways);
		return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".";
	}

	private String undeclared(List<EntityDrift> undeclared) {
		String objects = (undeclared.size() == 1) ? "1 object in the database is" : undeclared.size()
				+ " objects in the database are";
		String patterns = String.join(",", undeclared.stream().limit(EXAMPLES).map(DriftAdvice::pattern).toList());
		String ignore = this.ignore.isEmpty()
				? "list them in pg-entities.ignore to leave them alone (for example pg-entities.ignore=" + patterns + ")"
				: "add them to pg-entities.ignore to leave them alone (for example " + patterns + ")";
		if (this.dropUndeclared) {
			return objects + " declared by nothing, and the plan drops them: declare them, or " + ignore + ".";
		}
		return objects + " declared by nothing: declare them, " + ignore
				+ ", or set pg-entities.drop-undeclared=true to drop them.";
	}

	/**
	 * A pattern that matches an entity: its identity, without the argument list of a routine
	 * (all its overloads), since a list bound from a comma-separated property would split
	 * an argument list apart.
	 */
	private static String pattern(EntityDrift entity) {
		String qualified = Identifiers.qualify(entity.schema(), entity.name());
		return entity.identity().startsWith(qualified + "(") ? qualified : entity.identity();
	}

}
