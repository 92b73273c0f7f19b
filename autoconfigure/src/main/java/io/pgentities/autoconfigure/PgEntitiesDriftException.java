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

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.EntityDrift;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesException;

/**
 * Thrown at startup, when {@code pg-entities.check-on-startup} is {@code fail}, if the
 * database differs from the declared entities.
 */
public class PgEntitiesDriftException extends PgEntitiesException {

	private final DriftReport report;

	private final MigrationPlan plan;

	private final String action;

	/**
	 * Create a new exception whose action is the advice for the default settings.
	 * @param analysis the check that found drift
	 */
	public PgEntitiesDriftException(Analysis analysis) {
		this(analysis, DriftAdvice.DEFAULTS.action(analysis.report(), analysis.plan(), null));
	}

	/**
	 * Create a new exception.
	 * @param analysis the check that found drift
	 * @param action what to do about the drift, given the settings in force
	 */
	public PgEntitiesDriftException(Analysis analysis, String action) {
		super(message(analysis.report()));
		this.report = analysis.report();
		this.plan = analysis.plan();
		this.action = action;
	}

	private static String message(DriftReport report) {
		StringBuilder message = new StringBuilder();
		message.append(DriftMessages.differ(report)).append(':');
		for (EntityDrift entity : report.drifted()) {
			message.append(System.lineSeparator()).append("  ").append(DriftMessages.line(entity));
		}
		return message.toString();
	}

	/**
	 * Return the report of the check.
	 * @return the report
	 */
	public DriftReport getReport() {
		return this.report;
	}

	/**
	 * Return the plan that would bring the database to the declared state.
	 * @return the plan
	 */
	public MigrationPlan getPlan() {
		return this.plan;
	}

	/**
	 * Return what to do about the drift, given the settings in force.
	 * @return the advice
	 */
	public String getAction() {
		return this.action;
	}

}
