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
import io.pgentities.DriftReport;
import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.CatalogStamp;
import io.pgentities.internal.catalog.Environment;
import io.pgentities.internal.catalog.References;
import io.pgentities.internal.plan.Surroundings;
import org.jspecify.annotations.Nullable;

/**
 * What an engine remembers of its last full checks and checks of compiled declarations, so
 * that checking the same declarations again costs one catalog read when nothing changed.
 * Thread-safe; one per engine, whose settings are fixed, so the declarations are the whole
 * key.
 * <p>
 * A check again is proven unchanged in one of two ways. A full check reads the catalog's
 * {@link CatalogStamp} before and after it reads the environment and the live entities (and
 * before it simulates); when the two are equal the stamp is kept, and a later check whose
 * stamp is equal returns the answer at once. A different stamp leads to a comparison of what
 * the answer rested on: the environment, the live entities (and their surroundings when a
 * plan was made) and the current user. When they are all unchanged the answer is returned,
 * and the stamp read before and after that comparison, when the two are equal, is kept in
 * turn; anything else runs a full check. A check of compiled declarations reads the stamp
 * before and after its own look from the second time on, and keeps it the same way.
 */
public final class Rechecks {

	private static final int CAPACITY = 8;

	private final Map<Key, Checked> checked = new ConcurrentHashMap<>();

	private final Map<Compilation, Compiled> compiled = new ConcurrentHashMap<>();

	@Nullable Checked get(List<PgEntity> declared, boolean planned) {
		return this.checked.get(new Key(declared, planned));
	}

	void put(List<PgEntity> declared, boolean planned, Checked checked) {
		if (this.checked.size() >= CAPACITY) {
			this.checked.clear();
		}
		this.checked.put(new Key(List.copyOf(declared), planned), checked);
	}

	@Nullable Compiled get(Compilation compilation) {
		return this.compiled.get(compilation);
	}

	void put(Compilation compilation, Compiled checked) {
		if (this.compiled.size() >= CAPACITY) {
			this.compiled.clear();
		}
		this.compiled.put(compilation, checked);
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
	 * @param stamp the catalog's stamp, read with the same value before and after the reads of
	 * {@code environment} and {@code live} or of a later look that found them unchanged;
	 * {@code null} when the two differed. An equal stamp proves the answer unchanged without
	 * looking at anything else
	 */
	record Checked(References reach, Environment environment, CatalogSnapshot live,
			@Nullable Surroundings surroundings, String currentUser, Analysis analysis, boolean reusable,
			@Nullable CatalogStamp stamp) {

		Checked withStamp(CatalogStamp stamp) {
			return new Checked(this.reach, this.environment, this.live, this.surroundings, this.currentUser,
					this.analysis, this.reusable, stamp);
		}

	}

	/**
	 * A check of compiled declarations, and the catalog's stamp when it was read before and
	 * after that check's look with the same value: an equal stamp proves the answer unchanged.
	 *
	 * @param report the answer
	 * @param stamp the stamp, or {@code null} when none was read or it changed meanwhile
	 */
	record Compiled(DriftReport report, @Nullable CatalogStamp stamp) {

	}

}
