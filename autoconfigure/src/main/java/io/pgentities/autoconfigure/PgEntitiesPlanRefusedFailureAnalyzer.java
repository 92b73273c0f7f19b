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

import io.pgentities.DriftReport;
import io.pgentities.EntityDrift;
import io.pgentities.PlanRefusal;
import io.pgentities.PlanRefusedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An {@link AbstractFailureAnalyzer} for {@link PlanRefusedException}, which fails a Flyway
 * migration when {@code pg-entities.apply-on-migrate} finds no plan for the drift: names the
 * refused entity, what blocks it and what to do by hand.
 */
class PgEntitiesPlanRefusedFailureAnalyzer extends AbstractFailureAnalyzer<PlanRefusedException> {

	private static final String NEW_LINE = System.lineSeparator();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PlanRefusedException cause) {
		PlanRefusal refusal = cause.getRefusal();
		StringBuilder description = new StringBuilder();
		description.append("No plan can bring the database to the declared entities: ")
			.append(refusal.reason())
			.append('.');
		DriftReport report = cause.getReport();
		if (report != null) {
			description.append(NEW_LINE).append(NEW_LINE).append(DriftMessages.differ(report)).append(':');
			for (EntityDrift entity : report.drifted()) {
				description.append(NEW_LINE).append("    ").append(DriftMessages.line(entity));
			}
		}
		return new FailureAnalysis(description.toString(), refusal.action()
				+ " To start without applying the declarations, set pg-entities.apply-on-migrate=false.", cause);
	}

}
