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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An {@link AbstractFailureAnalyzer} for {@link PgEntitiesLintException}: lists every finding
 * with its entity, source, reason and fix.
 */
class PgEntitiesLintFailureAnalyzer extends AbstractFailureAnalyzer<PgEntitiesLintException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PgEntitiesLintException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix each declaration as its finding says, or, where what a rule warns about is intended, put "
						+ "'-- pg-entities:allow <rule>' on the line above its statement (allowing(\"<rule>\") "
						+ "for a bean). To start despite the findings, set pg-entities.lint=warn.",
				cause);
	}

}
