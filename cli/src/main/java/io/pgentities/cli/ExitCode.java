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

/**
 * The exit codes of the command-line tool, and what the Maven plugin makes of a run.
 */
public enum ExitCode {

	/** In sync, or the command did what it was asked. */
	OK(0),

	/** The database drifted from the declarations (and the drift is not accepted by a baseline). */
	DRIFT(1),

	/** Bad input (options, files, declarations PostgreSQL rejects) or no database. */
	ERROR(2);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	/**
	 * The process exit code.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

}
