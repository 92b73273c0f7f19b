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
 * An {@link AbstractFailureAnalyzer} for {@link PgEntitiesDriftException}: lists every
 * drifted entity with its diff, and says how to resolve the drift.
 */
class PgEntitiesDriftFailureAnalyzer extends AbstractFailureAnalyzer<PgEntitiesDriftException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PgEntitiesDriftException cause) {
		return new FailureAnalysis(DriftMessages.description(cause.getReport(), cause.getPlan()),
				(cause.getAction() + " To start despite the drift, set pg-entities.check-on-startup=warn.").strip(),
				cause);
	}

}
