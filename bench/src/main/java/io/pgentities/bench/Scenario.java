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


package io.pgentities.bench;

/**
 * What the benchmark measures at each scale, each in a database of its own whose tables
 * were created first.
 */
enum Scenario {

	/**
	 * Every entity was created from its file; {@code check} finds them all in sync.
	 */
	INSYNC_CHECK("insync-check"),

	/**
	 * Nothing was created; {@code check} finds every entity missing.
	 */
	MISSING_CHECK("missing-check"),

	/**
	 * Every entity was created, and one view's declaration differs from it; {@code check}
	 * finds that view changed.
	 */
	ONE_CHANGED_CHECK("one-changed-check"),

	/**
	 * A hundred tenant schemas, each with the tables and entities of scale 1 created in it
	 * (unqualified, ten entities each); {@code checkTenants} finds them all in sync with the
	 * template of those ten entities. Measured with scale 100, whose {@link #INSYNC_CHECK} checks
	 * as many entities in one schema.
	 */
	TENANTS_CHECK("tenants-check"),

	/**
	 * Nothing was created; {@code plan} plans every entity and the plan is written as a
	 * Flyway migration.
	 */
	PLAN_WRITE("plan-write"),

	/**
	 * The plan of {@link #PLAN_WRITE} is applied to a fresh database each run.
	 */
	APPLY("apply"),

	/**
	 * Every entity was created from its file, and the same engine checked them before; it
	 * checks them again, as an application's health check does, and finds them all in sync
	 * without simulating.
	 */
	RECHECK("recheck"),

	/**
	 * Every entity was created from its file, and the declarations were compiled against the
	 * same database beforehand; a new engine checks the compiled declarations and finds them
	 * all in sync without simulating.
	 */
	PRECOMPILED_CHECK("precompiled-check");

	private final String id;

	Scenario(String id) {
		this.id = id;
	}

	/**
	 * The name in the report and in {@code RESULT} lines.
	 * @return the id, such as {@code insync-check}
	 */
	String id() {
		return this.id;
	}

}
