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
package io.pgentities.cli;

import java.util.Locale;

/**
 * The formats a check's report is written in.
 */
public enum ReportFormat {

	/** For people: one line per drifted entity with its diff, then the lint's findings and the plan. */
	TEXT(new TextReport()),

	/** The actuator endpoint's JSON: {@code inSync}, {@code durationMs}, {@code entities}, {@code lint}, {@code plan}. */
	JSON(new JsonReport()),

	/**
	 * JUnit XML: one {@code <testcase>} per entity, a {@code <failure>} carrying the diff for drift,
	 * and one per lint finding.
	 */
	JUNIT(new JUnitReport()),

	/**
	 * SARIF 2.1.0: one result per drifted entity and per lint finding, located at the file and line
	 * that declares it.
	 */
	SARIF(new SarifReport());

	private final ReportWriter writer;

	ReportFormat(ReportWriter writer) {
		this.writer = writer;
	}

	/**
	 * Renders a result in this format.
	 * @param result the result
	 * @return the report
	 */
	public String render(GateResult result) {
		return this.writer.render(result);
	}

	/**
	 * The format of a name, in any case ({@code json}, {@code JUnit}).
	 * @param name the name
	 * @return the format
	 * @throws GateException if no format has that name
	 */
	public static ReportFormat of(String name) {
		try {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new GateException("Unknown report format '" + name + "': use text, json, junit or sarif", ex);
		}
	}

	/**
	 * Renders a result as a report of one format.
	 */
	@FunctionalInterface
	interface ReportWriter {

		String render(GateResult result);

	}

}
