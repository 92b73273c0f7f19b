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

/**
 * A drift report and the plan that resolves it, computed from one look at the database.
 *
 * @param report how the declarations compare with the database
 * @param plan what would bring the database to the declarations
 * @param undoPlan what would bring the database back from the declarations to its present
 * state, once {@code plan} has been applied
 */
public record Analysis(DriftReport report, MigrationPlan plan, MigrationPlan undoPlan) {

	/**
	 * An analysis without an undo plan.
	 * @param report how the declarations compare with the database
	 * @param plan what would bring the database to the declarations
	 */
	public Analysis(DriftReport report, MigrationPlan plan) {
		this(report, plan, new MigrationPlan(List.of(), List.of(), List.of()));
	}

}
