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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link PgEntitiesEngine#plan}, {@link PgEntitiesEngine#reconcile} and
 * {@link PgEntitiesEngine#apply} when no plan can bring the database to the declarations
 * without {@code CASCADE}: an object that must be dropped is used by something pg-entities
 * does not manage (a column default, a constraint). {@link PgEntitiesEngine#analyze} does not
 * throw it: its plan is {@link MigrationPlan#isRefused() refused} instead.
 */
public class PlanRefusedException extends PgEntitiesException {

	private final PlanRefusal refusal;

	private final @Nullable DriftReport report;

	/**
	 * Creates an exception.
	 * @param refusal why no plan can be made, and what to do by hand
	 * @param report the comparison made before planning, or {@code null} when a refused plan
	 * was given to apply
	 */
	public PlanRefusedException(PlanRefusal refusal, @Nullable DriftReport report) {
		super(Objects.requireNonNull(refusal, "refusal must not be null").message());
		this.refusal = refusal;
		this.report = report;
	}

	/**
	 * Why no plan can be made, and what to do by hand.
	 * @return the refusal
	 */
	public PlanRefusal getRefusal() {
		return this.refusal;
	}

	/**
	 * The comparison made before planning.
	 * @return the drift report, or {@code null} when a refused plan was given to apply
	 */
	public @Nullable DriftReport getReport() {
		return this.report;
	}

}
