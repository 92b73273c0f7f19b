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
package io.pgentities.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.pgentities.Analysis;
import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.Environment;
import io.pgentities.internal.catalog.References;
import io.pgentities.internal.plan.Surroundings;
import org.jspecify.annotations.Nullable;

/**
 * What an engine remembers of its last full checks, so that checking the same declarations
 * again costs one catalog read when nothing changed. Thread-safe; one per engine, whose
 * settings are fixed, so the declarations are the whole key.
 */
public final class Rechecks {

	private static final int CAPACITY = 8;

	private final Map<Key, Checked> checked = new ConcurrentHashMap<>();

	@Nullable Checked get(List<PgEntity> declared, boolean planned) {
		return this.checked.get(new Key(declared, planned));
	}

	void put(List<PgEntity> declared, boolean planned, Checked checked) {
		if (this.checked.size() >= CAPACITY) {
			this.checked.clear();
		}
		this.checked.put(new Key(List.copyOf(declared), planned), checked);
	}

	private record Key(List<PgEntity> declared, boolean planned) {

	}

	/**
	 * A full check and what its answer rested on.
	 *
	 * @param reach the schemas and roles whose state {@code environment} covers; a later full
	 * check reads them before simulating
	 * @param environment the environment, read before the simulation in the check's transaction
	 * @param live the live entities the check compared
	 * @param surroundings what it planned around, when it planned
	 * @param currentUser who checked
	 * @param analysis the answer
	 * @param reusable whether the simulation referenced nothing outside {@code reach}: only then
	 * does an unchanged environment prove the answer unchanged
	 */
	record Checked(References reach, Environment environment, CatalogSnapshot live,
			@Nullable Surroundings surroundings, String currentUser, Analysis analysis, boolean reusable) {

	}

}
