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
package io.pgentities.internal.simulate;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.pgentities.internal.catalog.NameMapping;

/**
 * The scratch schemas of one simulation: one per schema the declarations live in, named with
 * a random prefix so concurrent checks never wait on each other's uncommitted schema names.
 */
final class ScratchNames {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String prefix;

	private final Map<String, String> scratchBySchema = new LinkedHashMap<>();

	private final Map<String, String> originalNames = new LinkedHashMap<>();

	ScratchNames() {
		byte[] bytes = new byte[4];
		RANDOM.nextBytes(bytes);
		this.prefix = "pgentities_sim_" + HexFormat.of().formatHex(bytes) + "_";
	}

	String prefix() {
		return this.prefix;
	}

	String scratchFor(String schema) {
		return this.scratchBySchema.computeIfAbsent(schema, (s) -> this.prefix + this.scratchBySchema.size());
	}

	/**
	 * A scratch name for an object whose name is unique in the database, so that its
	 * simulated copy cannot clash with the live object: {@code <scratch schema>:<n>}, which
	 * tells the catalog queries which scratch schema the copy belongs to.
	 */
	String scratchName(String schema, String name) {
		String scratchName = scratchFor(schema) + ":" + this.originalNames.size();
		this.originalNames.put(scratchName, name);
		return scratchName;
	}

	Map<String, String> scratchBySchema() {
		return this.scratchBySchema;
	}

	NameMapping mapping() {
		Map<String, String> originals = new LinkedHashMap<>();
		this.scratchBySchema.forEach((schema, scratch) -> originals.put(scratch, schema));
		return NameMapping.of(this.prefix, originals, this.originalNames);
	}

}
