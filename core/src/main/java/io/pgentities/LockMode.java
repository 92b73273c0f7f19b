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
package io.pgentities;

/**
 * A PostgreSQL table-level lock mode, weakest first. Each conflicts with the modes listed in
 * PostgreSQL's documentation (explicit locking); {@link #ACCESS_EXCLUSIVE} conflicts with
 * every mode, so a statement waiting for it queues every later reader of the relation.
 */
public enum LockMode {

	/** Taken by reads ({@code SELECT}); conflicts only with {@link #ACCESS_EXCLUSIVE}. */
	ACCESS_SHARE("ACCESS SHARE", "AccessShareLock"),

	/** Taken by {@code SELECT ... FOR UPDATE}. */
	ROW_SHARE("ROW SHARE", "RowShareLock"),

	/** Taken by {@code INSERT}, {@code UPDATE}, {@code DELETE}. */
	ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock"),

	/** Taken by {@code COMMENT ON} a relation or its column; lets reads and writes go on. */
	SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock"),

	/** Taken by {@code CREATE INDEX}; blocks writes, lets reads go on. */
	SHARE("SHARE", "ShareLock"),

	/** Taken by {@code CREATE TRIGGER}; blocks writes, lets reads go on. */
	SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock"),

	/** Taken by {@code REFRESH MATERIALIZED VIEW CONCURRENTLY}; lets only reads go on. */
	EXCLUSIVE("EXCLUSIVE", "ExclusiveLock"),

	/** Taken by {@code DROP}, most {@code ALTER} and {@code CREATE POLICY}; blocks everything. */
	ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock");

	private final String sqlName;

	private final String lockName;

	LockMode(String sqlName, String lockName) {
		this.sqlName = sqlName;
		this.lockName = lockName;
	}

	/**
	 * The mode as SQL spells it ({@code LOCK TABLE ... IN ACCESS EXCLUSIVE MODE}).
	 * @return the SQL name
	 */
	public String sqlName() {
		return this.sqlName;
	}

	/**
	 * The mode as {@code pg_locks.mode} shows it, e.g. {@code AccessExclusiveLock}.
	 * @return the name in {@code pg_locks}
	 */
	public String lockName() {
		return this.lockName;
	}

}
