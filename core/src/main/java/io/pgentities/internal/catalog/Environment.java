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
package io.pgentities.internal.catalog;

/**
 * What simulating declarations depends on besides the declarations themselves, as
 * {@code environment.sql} reads it: the server's version, and one fingerprint of the
 * contents of the schemas the declarations can reach, the roles they name, the casts,
 * default privileges and extensions, and the settings that change how PostgreSQL prints.
 *
 * @param serverVersion {@code server_version_num}, such as {@code 150020}
 * @param fingerprint the MD5 of everything else, in a form free of OIDs
 */
public record Environment(int serverVersion, String fingerprint) {

	/**
	 * The server's major version, such as {@code 15}.
	 * @return the major version
	 */
	public int serverMajor() {
		return this.serverVersion / 10000;
	}

}
