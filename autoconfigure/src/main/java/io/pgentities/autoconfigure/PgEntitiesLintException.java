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

import java.util.List;

import io.pgentities.LintFinding;
import io.pgentities.PgEntitiesException;

/**
 * Thrown at startup when the security lint finds something and {@code pg-entities.lint} is
 * {@code fail}.
 */
public class PgEntitiesLintException extends PgEntitiesException {

	private final List<LintFinding> findings;

	/**
	 * Create a new exception.
	 * @param findings the findings, at least one
	 */
	public PgEntitiesLintException(List<LintFinding> findings) {
		super(message(findings));
		this.findings = List.copyOf(findings);
	}

	private static String message(List<LintFinding> findings) {
		StringBuilder message = new StringBuilder("The security lint of the pg-entities declarations found ")
			.append(DriftMessages.count(findings.size(), "problem", "problems"))
			.append(':');
		for (LintFinding finding : findings) {
			message.append(System.lineSeparator()).append("  ").append(finding.message());
		}
		return message.toString();
	}

	/**
	 * Return the findings.
	 * @return the findings
	 */
	public List<LintFinding> getFindings() {
		return this.findings;
	}

}
