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

import org.jspecify.annotations.Nullable;

/**
 * Where an entity was declared, parsed from its source ({@code db/entities/views.sql:12}).
 *
 * @param file the file, relative to the working directory
 * @param line the line of its {@code CREATE}, from 1
 */
record Source(String file, int line) {

	/**
	 * Parses a source; sources that are no file (a bean, the database) have none.
	 */
	static @Nullable Source of(String source) {
		int colon = source.lastIndexOf(':');
		if (colon <= 0 || colon == source.length() - 1) {
			return null;
		}
		String line = source.substring(colon + 1);
		if (!line.chars().allMatch(Character::isDigit)) {
			return null;
		}
		String file = source.substring(0, colon);
		return file.startsWith("file ") ? new Source(file.substring(5), Integer.parseInt(line))
				: new Source(file, Integer.parseInt(line));
	}

}
