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
 * What a check does with the findings of the security lint of the declarations.
 */
public enum LintMode {

	/** The declarations are not linted. */
	OFF,

	/** Findings are reported; they do not fail the gate. */
	WARN,

	/** Findings are reported and fail the gate, as drift does. */
	FAIL;

	/**
	 * The mode of a name, in any case ({@code off}, {@code WARN}).
	 * @param name the name
	 * @return the mode
	 * @throws GateException if no mode has that name
	 */
	public static LintMode of(String name) {
		try {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new GateException("Unknown lint mode '" + name + "': use off, warn or fail", ex);
		}
	}

}
