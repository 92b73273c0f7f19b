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

/**
 * Thrown when the database can be compared with the declarations but no plan can bring it to
 * them without {@code CASCADE}: an object that must be dropped is used by something
 * pg-entities does not manage (a column default, a constraint). The drift report is still
 * available, for read-only uses such as the actuator endpoint.
 */
public class PlanRefusedException extends PgEntitiesException {

	private final DriftReport report;

	/**
	 * Creates an exception.
	 * @param message why no plan can be made, naming what blocks it
	 * @param report the comparison made before planning
	 * @param cause the planner's exception
	 */
	public PlanRefusedException(String message, DriftReport report, Throwable cause) {
		super(message, cause);
		this.report = report;
	}

	/**
	 * The comparison made before planning.
	 * @return the drift report
	 */
	public DriftReport getReport() {
		return this.report;
	}

}
